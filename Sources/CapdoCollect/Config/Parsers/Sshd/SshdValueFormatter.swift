import CapdoCore

/// Checks one keyword's arguments and formats its value exactly as `sshd -T` prints it.
enum SshdValueFormatter {
    /// A printed value (nil: accepted, nothing to record) or why sshd would reject the line.
    enum Outcome: Equatable {
        case success(String?)
        case failure(String)
    }

    static func format(kind: SshdKeyword, context: SshdValueContext) -> Outcome {
        let value = context.first
        let bad = Outcome.failure("bad value '\(value)' for '\(context.keyword)' (sshd refuses to start)")
        switch kind {
        case .flag:
            let lower = value.lowercased()
            return lower == "yes" || lower == "no" ? .success(lower) : bad
        case .choice(let map):
            return map[value.lowercased()].map { .success($0) } ?? bad
        case .integer:
            return integer(value).map { .success(String($0)) } ?? bad
        case .time(let allowNone):
            if allowNone && value.lowercased() == "none" { return .success("none") }
            return seconds(value).map { .success(String($0)) } ?? bad
        case .word:
            return .success(value)
        case .rest:
            return .success(context.rest)
        case .firstLine, .accumulate:
            return .success(context.args.joined(separator: " "))
        case .algorithms:
            return algorithms(value, key: context.name).map { .success($0) } ?? bad
        case .special:
            return special(context, bad: bad)
        case .deprecated, .alias:
            return .success(nil)
        }
    }

    private static func special(_ context: SshdValueContext, bad: Outcome) -> Outcome {
        let value = context.first
        switch context.name {
        case "port":
            guard let port = integer(value), (1...65_535).contains(port) else { return bad }
            return .success(String(port))
        case "listenaddress":
            return .success(nil)
        case "subsystem":
            guard context.args.count >= 2 else {
                return .failure("'\(context.keyword)' needs a name and a command (sshd refuses to start)")
            }
            return .success(context.args.joined(separator: " "))
        case "maxstartups":
            let parts = value.split(separator: ":", omittingEmptySubsequences: false).map { integer(String($0)) }
            if parts.count == 1, let begin = parts[0] { return .success("\(begin):30:\(begin)") }
            guard parts.count == 3, let begin = parts[0], let rate = parts[1], let full = parts[2], rate <= 100,
                begin <= full
            else { return bad }
            return .success("\(begin):\(rate):\(full)")
        case "persourcemaxstartups":
            if value.lowercased() == "none" { return .success("none") }
            return integer(value).map { .success(String($0)) } ?? bad
        case "persourcenetblocksize":
            let parts = value.split(separator: ":", omittingEmptySubsequences: false).map { integer(String($0)) }
            guard let v4 = parts.first ?? nil, v4 <= 32, parts.count <= 2 else { return bad }
            if parts.count == 2 {
                guard let v6 = parts[1], v6 <= 128 else { return bad }
                return .success("\(v4):\(v6)")
            }
            return .success("\(v4):0")
        case "rekeylimit":
            guard let bytes = byteCount(value) else { return bad }
            var interval = 0
            if context.args.count > 1 {
                let time = context.args[1].lowercased()
                if time != "default" && time != "none" {
                    guard let parsed = seconds(time) else { return bad }
                    interval = parsed
                }
            }
            return .success("\(bytes) \(interval)")
        case "ipqos":
            let names = context.args.prefix(2).map { $0.lowercased() }
            return .success(names.count == 1 ? "\(names[0]) \(names[0])" : names.joined(separator: " "))
        case "streamlocalbindmask":
            guard let mask = Int(value, radix: 8), (0...0o777).contains(mask) else { return bad }
            return .success("0" + String(mask, radix: 8))
        case "permitlisten":
            let shown = context.args.map { arg -> String in
                let lower = arg.lowercased()
                if lower == "any" || lower == "none" || arg.contains(":") { return arg }
                return "*:" + arg
            }
            return .success(shown.joined(separator: " "))
        case "pubkeyauthoptions":
            var touch = false
            var verify = false
            for option in context.args.map({ $0.lowercased() }) {
                switch option {
                case "none": break
                case "touch-required": touch = true
                case "verify-required": verify = true
                default: return .failure("unknown PubkeyAuthOptions '\(option)' (sshd refuses to start)")
                }
            }
            let words = (touch ? ["touch-required"] : []) + (verify ? ["verify-required"] : [])
            return .success(words.isEmpty ? "none" : words.joined(separator: " "))
        case "permituserenvironment":
            let lower = value.lowercased()
            return .success(lower == "yes" || lower == "no" ? lower : value)
        case "debianbanner":
            let lower = value.lowercased()
            return lower == "yes" || lower == "no" ? .success(nil) : bad
        default:
            return .success(nil)
        }
    }

    /// A non-negative decimal integer (sshd's strtonum), nil otherwise.
    static func integer(_ text: String) -> Int? {
        guard !text.isEmpty, text.count <= 10, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    /// sshd's convtime: `90`, `1m30s`, `2h`, `1w`; nil when malformed.
    static func seconds(_ text: String) -> Int? {
        guard !text.isEmpty else { return nil }
        var total = 0
        var number = ""
        func flush(_ multiplier: Int) -> Bool {
            guard let value = integer(number) else { return false }
            let (product, overflow) = value.multipliedReportingOverflow(by: multiplier)
            guard !overflow, product <= Int(Int32.max) else { return false }
            total += product
            number = ""
            return total <= Int(Int32.max)
        }
        for character in text {
            if character.isASCII && character.isNumber {
                number.append(character)
                continue
            }
            let multipliers: [Character: Int] = ["s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800]
            guard let multiplier = multipliers[Character(character.lowercased())], flush(multiplier) else {
                return nil
            }
        }
        if !number.isEmpty && !flush(1) { return nil }
        return total
    }

    /// RekeyLimit's byte count (`1G`, `500M`, `default`).
    static func byteCount(_ text: String) -> Int? {
        let lower = text.lowercased()
        if lower == "default" || lower == "none" { return 0 }
        let units: [Character: Int] = ["k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40]
        if let last = lower.last, let unit = units[last] {
            guard let number = integer(String(lower.dropLast())) else { return nil }
            let (product, overflow) = number.multipliedReportingOverflow(by: unit)
            return overflow ? nil : product
        }
        return integer(lower)
    }

    /// Applies sshd's `+` (append), `-` (remove matching) and `^` (prepend) to the default list. `-` patterns are
    /// OpenSSH's `match_pattern`: `*` and `?` only.
    static func algorithms(_ value: String, key: String) -> String? {
        let base = SshdDefaults.algorithmLists[key] ?? []
        guard let head = value.first else { return nil }
        let items = value.dropFirst().split(separator: ",").map(String.init)
        var result: [String]
        switch head {
        case "+":
            result = base + items.filter { !base.contains($0) }
        case "-":
            result = base.filter { name in !items.contains(where: { Glob.matches($0, name, brackets: false) }) }
        case "^":
            result = items + base.filter { !items.contains($0) }
        default:
            result = value.split(separator: ",").map(String.init)
        }
        return result.isEmpty ? nil : result.joined(separator: ",")
    }
}
