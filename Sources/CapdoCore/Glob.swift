/// The one glob matcher: `fnmatch(3)` for one name, as glob(3) applies it to each path component and as
/// sshd, rsyslog, nginx, Apache and chrony use it for includes.
///
/// `*` and `?` match any run and any one character; `[abc]`, `[a-z]`, `[!x]` and `[^x]` match one character
/// of a class (an unclosed `[` is literal); a backslash escapes the next character. With `brackets: false`
/// only `*` and `?` are special: OpenSSH's `match_pattern` (algorithm lists) and rule-id patterns.
public enum Glob {
    /// True when `text` matches `pattern` as a whole.
    public static func matches(_ pattern: String, _ text: String, brackets: Bool = true) -> Bool {
        let p = Array(pattern)
        let t = Array(text)
        var pi = 0
        var ti = 0
        var starP = -1
        var starT = 0
        while ti < t.count {
            if pi < p.count, let next = step(p, pi, t[ti], brackets: brackets) {
                if next == -1 {
                    starP = pi
                    starT = ti
                    pi += 1
                    continue
                }
                pi = next
                ti += 1
                continue
            }
            guard starP >= 0 else { return false }
            starT += 1
            ti = starT
            pi = starP + 1
        }
        while pi < p.count && p[pi] == "*" { pi += 1 }
        return pi == p.count
    }

    /// True when `pattern` contains a character `matches` treats specially (`*`, `?`, `[`).
    public static func hasMagic(_ pattern: String) -> Bool {
        pattern.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }
}

private extension Glob {
    /// The pattern index after matching `c` at `pi`; -1 for a `*`; nil when `c` does not match there.
    static func step(_ p: [Character], _ pi: Int, _ c: Character, brackets: Bool) -> Int? {
        switch p[pi] {
        case "*":
            return -1
        case "?":
            return pi + 1
        case "[" where brackets:
            if let (matched, end) = matchClass(p, at: pi, c) { return matched ? end : nil }
            return c == "[" ? pi + 1 : nil
        case "\\" where brackets && pi + 1 < p.count:
            return p[pi + 1] == c ? pi + 2 : nil
        default:
            return p[pi] == c ? pi + 1 : nil
        }
    }

    /// Matches a bracket expression starting at `start`; nil when it is not closed (then `[` is literal).
    static func matchClass(_ p: [Character], at start: Int, _ c: Character) -> (Bool, Int)? {
        var i = start + 1
        var negated = false
        if i < p.count && (p[i] == "!" || p[i] == "^") {
            negated = true
            i += 1
        }
        var matched = false
        var first = true
        while i < p.count {
            if p[i] == "]" && !first { return (matched != negated, i + 1) }
            first = false
            let low = p[i]
            if i + 2 < p.count && p[i + 1] == "-" && p[i + 2] != "]" {
                if low <= c && c <= p[i + 2] { matched = true }
                i += 3
            } else {
                if low == c { matched = true }
                i += 1
            }
        }
        return nil
    }
}
