import CapdoCore
import Foundation

/// Collects local accounts (passwd, shadow summaries, login.defs UID_MIN, lastlog). Never stores a hash.
public struct AccountsCollector: Collector {
    public let id = "accounts"
    public let summary = "Local accounts and password states (etc/passwd, etc/shadow, var/log/lastlog)"

    public init() {}

    public func collect(in environment: HostEnvironment) async -> CollectorOutput {
        let reader = environment.files
        var issues: [CollectionIssue] = []
        let passwdText: String
        do {
            passwdText = try reader.readText("etc/passwd")
        } catch {
            return CollectorOutput(issues: [error.issue(collector: id)])
        }
        let passwd = PasswdParser.parse(passwdText, file: "etc/passwd", collector: id)
        issues += passwd.issues
        var sources = ["etc/passwd"]
        var shadow: [String: ShadowParser.Entry] = [:]
        var shadowReadable = false
        do {
            let parsed = ShadowParser.parse(try reader.readText("etc/shadow"), file: "etc/shadow", collector: id)
            for entry in parsed.entries where shadow[entry.name] == nil { shadow[entry.name] = entry }
            issues += parsed.issues
            shadowReadable = true
            sources.append("etc/shadow")
        } catch {
            issues.append(error.issue(collector: id, level: error.reason == .missing ? .warning : .error))
        }
        var adminGroups: [GroupParser.AdminGroup]?
        do {
            adminGroups = GroupParser.administrationGroups(try reader.readText("etc/group"))
            sources.append("etc/group")
        } catch {
            // Absent: `groups_readable` stays false and admin flags unknown; unreadable is worth a word.
            if error.reason != .missing { issues.append(error.issue(collector: id, level: .warning)) }
        }
        let uidMin = Self.uidMin(reader)
        let lastlog = Self.lastlogReader(reader)
        var accounts: [AccountSummary] = []
        for entry in passwd.entries {
            let shadowEntry = shadow[entry.name]
            let groups = adminGroups.map { GroupParser.groups(of: entry.name, gid: entry.gid, in: $0) }
            let password: String
            if entry.passwordField != "x" {
                password = ShadowParser.state(ofHash: entry.passwordField[...])
            } else if !shadowReadable {
                password = "unknown"
            } else {
                password = shadowEntry?.password ?? "no_entry"
            }
            accounts.append(
                AccountSummary(
                    name: entry.name, uid: entry.uid, gid: entry.gid, home: entry.home,
                    shell: entry.shell.isEmpty ? nil : entry.shell,
                    interactive: PasswdParser.isInteractive(shell: entry.shell),
                    system: entry.uid < uidMin || entry.name == "nobody" || entry.uid == 65_534, password: password,
                    lastChange: shadowEntry?.lastChange, maxDays: shadowEntry?.maxDays, minDays: shadowEntry?.minDays,
                    warnDays: shadowEntry?.warnDays, inactiveDays: shadowEntry?.inactiveDays,
                    expires: shadowEntry?.expires, lastLogin: lastlog(entry.uid), file: "etc/passwd", line: entry.line,
                    shadowLine: entry.passwordField == "x" ? shadowEntry?.line : nil,
                    admin: groups.map { entry.uid == 0 || !$0.isEmpty },
                    adminGroups: groups.flatMap { $0.isEmpty ? nil : $0 }))
        }
        let facts = AccountFacts(
            sources: sources, shadowReadable: shadowReadable, uid0: accounts.filter { $0.uid == 0 }.map(\.name),
            accounts: accounts, groupsReadable: adminGroups != nil)
        return CollectorOutput(accounts: facts, issues: issues)
    }

    /// `UID_MIN` from login.defs text (the last setting wins); nil when absent or not a number.
    public static func uidMin(loginDefs text: String) -> Int? {
        var value: Int?
        for raw in text.split(whereSeparator: \.isNewline) {
            let words = raw.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if words.count >= 2, words[0] == "UID_MIN", let number = Int(words[1]) { value = number }
        }
        return value
    }
}

private extension AccountsCollector {
    static func uidMin(_ reader: FileReader) -> Int {
        guard let text = try? reader.readText("etc/login.defs", limit: 1 << 20) else { return 1000 }
        return uidMin(loginDefs: text) ?? 1000
    }

    /// A lookup of last-login times that reads one 292-byte record per UID (the file is sparse).
    static func lastlogReader(_ reader: FileReader) -> (Int) -> Date? {
        let path = "var/log/lastlog"
        let fact = reader.statFollowing(path)
        guard fact.exists, fact.kind == "file", let size = fact.size else { return { _ in nil } }
        return { uid in
            let offset = LastlogParser.offset(uid: uid)
            guard uid >= 0, offset + Int64(LastlogParser.recordSize) <= size else { return nil }
            guard let record = try? reader.readRange(path, offset: offset, count: LastlogParser.recordSize) else {
                return nil
            }
            return LastlogParser.time(record: record)
        }
    }
}
