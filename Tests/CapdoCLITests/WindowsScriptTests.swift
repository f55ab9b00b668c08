import CapdoCore
import Foundation
import Testing

/// No PowerShell runs on our machines, so Samples/windows/Collect-CapdoSnapshot.ps1 is held to its rules by reading
/// it: every step's issue names a fact path the snapshot schema knows (so capdo matches it to the rules reading it),
/// every module or CDXML cmdlet is called with `-ErrorAction Stop`, native tools only through `Invoke-Native`
/// (`$LASTEXITCODE`), and no step returns a null into a list. The snapshots it writes are the fixtures of
/// `WindowsFixtureTests`, validated against the schema by `SnapshotSchemaTests`.
@Suite("Windows collection script, read")
struct WindowsScriptTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func script() throws -> String {
        try String(
            contentsOf: repository.appendingPathComponent("Samples/windows/Collect-CapdoSnapshot.ps1"), encoding: .utf8)
    }

    /// The quoted first argument of every `function 'path'` call in the script.
    static func paths(after function: String, in text: String) throws -> [String] {
        let pattern = try NSRegularExpression(pattern: "\(function) '([^']+)'")
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// Whether the schema describes `path` (object members, list items and `$ref`s followed).
    static func schemaKnows(_ path: String, _ schema: [String: Any]) -> Bool {
        let defs = schema["$defs"] as? [String: Any] ?? [:]
        var node: [String: Any]? = schema
        for component in path.split(separator: ".").map(String.init) {
            while let current = node {
                if let ref = current["$ref"] as? String {
                    node = defs[String(ref.split(separator: "/").last ?? "")] as? [String: Any]
                } else if let items = current["items"] as? [String: Any] {
                    node = items
                } else {
                    break
                }
            }
            if let member = (node?["properties"] as? [String: Any])?[component] as? [String: Any] {
                node = member
            } else if let any = node?["additionalProperties"] as? [String: Any] {
                node = any
            } else {
                return false
            }
        }
        return true
    }

    @Test func everyIssuePathIsAFactPath() throws {
        let text = try Self.script()
        let schemaData = try Data(contentsOf: Self.repository.appendingPathComponent("docs/snapshot.schema.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: schemaData) as? [String: Any])
        let paths = try Self.paths(after: "Invoke-Step", in: text) + Self.paths(after: "Add-Issue", in: text)
        #expect(paths.count >= 15)
        for path in Set(paths) {
            #expect(Self.schemaKnows(path, schema), "issue path \(path) is no fact path of the schema")
        }
        #expect(!Self.schemaKnows("windows.smb1", schema))
    }

    @Test(arguments: [
        "Get-MpComputerStatus", "Get-NetFirewallProfile", "Get-SmbServerConfiguration", "Get-BitLockerVolume",
        "Get-LocalUser", "Get-LocalGroupMember", "Get-CimInstance",
    ])
    func cmdletsStopOnError(_ cmdlet: String) throws {
        let calls = try Self.script().split(separator: "\n").filter {
            $0.contains(cmdlet + " -") && !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#")
        }
        #expect(!calls.isEmpty)
        for line in calls { #expect(line.contains("-ErrorAction Stop"), "\(line)") }
    }

    @Test func nativeToolsGoThroughTheirExitCode() throws {
        let text = try Self.script()
        for tool in ["secedit", "net", "wevtutil", "auditpol"] {
            let lines = text.split(separator: "\n").filter {
                $0.contains("'\(tool).exe'") && !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#")
            }
            #expect(!lines.isEmpty, "\(tool)")
            #expect(lines.allSatisfy { $0.contains("Invoke-Native") }, "\(tool)")
        }
        #expect(text.contains("$LASTEXITCODE -ne 0"))
        #expect(!text.contains("Try-Get"), "the step helper that returned null into lists")
        #expect(text.contains("catch { Add-Issue $path $_.Exception.Message; return @{ ok = $false"))
        #expect(!text.contains("'empty'"), "password: empty is derived from PasswordRequired, which only allows one")
        #expect(text.contains("-PolicyStore ActiveStore"))
    }
}
