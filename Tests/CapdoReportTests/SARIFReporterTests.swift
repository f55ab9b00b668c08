import CapdoCore
import Foundation
import Testing

@testable import CapdoReport

/// The SARIF report: structure, levels, locations, and (when Python's jsonschema is installed) a schema check.
@Suite("SARIF reporter")
struct SARIFReporterTests {
    /// A subset of the SARIF 2.1.0 schema written for these tests: the official schema cannot be downloaded here
    /// (no network in the build sandbox), so this covers the properties capdo writes, with their required keys and
    /// enumerations as the OASIS specification defines them.
    static let schemaSubset = #"""
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "type": "object",
          "required": ["version", "runs"],
          "properties": {
            "$schema": {"type": "string", "format": "uri"},
            "version": {"enum": ["2.1.0"]},
            "runs": {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/run"}}
          },
          "definitions": {
            "message": {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}},
            "run": {
              "type": "object", "required": ["tool"],
              "properties": {
                "tool": {"type": "object", "required": ["driver"], "properties": {
                  "driver": {"type": "object", "required": ["name"], "properties": {
                    "name": {"type": "string"}, "version": {"type": "string"},
                    "rules": {"type": "array", "items": {"$ref": "#/definitions/rule"}}}}}},
                "results": {"type": "array", "items": {"$ref": "#/definitions/result"}}
              }
            },
            "rule": {
              "type": "object", "required": ["id"],
              "properties": {
                "id": {"type": "string"}, "name": {"type": "string"},
                "shortDescription": {"$ref": "#/definitions/message"},
                "fullDescription": {"$ref": "#/definitions/message"},
                "help": {"$ref": "#/definitions/message"},
                "properties": {"type": "object"}
              }
            },
            "result": {
              "type": "object", "required": ["message"],
              "properties": {
                "ruleId": {"type": "string"},
                "level": {"enum": ["none", "note", "warning", "error"]},
                "message": {"$ref": "#/definitions/message"},
                "locations": {"type": "array", "items": {"type": "object", "properties": {
                  "physicalLocation": {"type": "object", "properties": {
                    "artifactLocation": {"type": "object", "properties": {
                      "uri": {"type": "string", "format": "uri-reference"}}},
                    "region": {"type": "object", "properties": {
                      "startLine": {"type": "integer", "minimum": 1}}}}}}}},
                "properties": {"type": "object"}
              }
            }
          }
        }
        """#

    static func document(_ scan: ScanResult = ReportFixture.scan()) throws -> [String: Any] {
        let text = SARIFReporter().render(scan, language: .en)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func run(_ document: [String: Any]) throws -> [String: Any] {
        let runs = try #require(document["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        return try #require(runs.first)
    }

    @Test func structureMatchesTheFindings() throws {
        let scan = ReportFixture.scan()
        let document = try Self.document(scan)
        #expect(document["version"] as? String == "2.1.0")
        #expect(document["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        let run = try Self.run(document)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "capdo")
        #expect(driver["version"] as? String == "0.1.0-test")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ruleIDs = Set(rules.compactMap { $0["id"] as? String })
        #expect(ruleIDs == Set(scan.allFindings.map(\.ruleID)))
        for rule in rules {
            let properties = try #require(rule["properties"] as? [String: Any])
            #expect(
                properties["tt12"] is String && properties["tcvn11930"] is String && properties["severity"] is String)
            #expect(rule["helpUri"] == nil)
        }
        let results = try #require(run["results"] as? [[String: Any]])
        let reported = scan.allFindings.filter { [.fail, .warn, .error].contains($0.status) }
        #expect(results.count == reported.count)
        #expect(!reported.isEmpty)
        for (result, finding) in zip(results, reported) {
            let ruleID = try #require(result["ruleId"] as? String)
            #expect(ruleIDs.contains(ruleID))
            #expect(ruleID == finding.ruleID)
            #expect(result["level"] as? String == SARIFReporter.level(finding))
            #expect(((result["message"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            #expect((result["properties"] as? [String: Any])?["host"] as? String == finding.host)
        }
    }

    @Test func evidenceWithFileAndLineBecomesALocation() throws {
        let scan = ReportFixture.scan()
        let results = try #require(try Self.run(Self.document(scan))["results"] as? [[String: Any]])
        let reported = scan.allFindings.filter { [.fail, .warn, .error].contains($0.status) }
        var checked = 0
        for (result, finding) in zip(results, reported) {
            let physical = ((result["locations"] as? [[String: Any]]) ?? []).compactMap {
                $0["physicalLocation"] as? [String: Any]
            }
            let wanted = finding.evidence.filter { $0.outcome != .pass }.compactMap(\.location)
                .compactMap(SARIFReporter.fileLocation)
            for place in wanted {
                let match = physical.first {
                    ($0["artifactLocation"] as? [String: Any])?["uri"] as? String == place.file
                }
                let location = try #require(match, "no location \(place.file) for \(finding.ruleID)")
                let line = (location["region"] as? [String: Any])?["startLine"] as? Int
                #expect(line == place.line)
                checked += 1
            }
        }
        #expect(checked > 0, "the fixture has no file:line evidence")
        let first = try #require(SARIFReporter.fileLocation("etc/ssh/sshd_config:33"))
        #expect(first.file == "etc/ssh/sshd_config" && first.line == 33)
        #expect(SARIFReporter.fileLocation("default") == nil)
        #expect(SARIFReporter.fileLocation("portal.example.vn:443") == nil)
    }

    @Test func levelsFollowStatusAndSeverity() {
        var finding = ReportFixture.scan().allFindings[0]
        finding.status = .fail
        finding.severity = .critical
        #expect(SARIFReporter.level(finding) == "error")
        finding.severity = .medium
        #expect(SARIFReporter.level(finding) == "warning")
        finding.severity = .info
        #expect(SARIFReporter.level(finding) == "note")
        finding.status = .warn
        #expect(SARIFReporter.level(finding) == "warning")
        finding.status = .error
        #expect(SARIFReporter.level(finding) == "note")
    }

    @Test(.enabled(if: Python.has("jsonschema"), "python3 with jsonschema is not installed: schema check skipped"))
    func validatesAgainstTheSchemaSubset() throws {
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            document = json.load(open(sys.argv[2]))
            jsonschema.Draft7Validator.check_schema(schema)
            errors = list(jsonschema.Draft7Validator(schema).iter_errors(document))
            for e in errors: print(list(e.path), e.message)
            sys.exit(1 if errors else 0)
            """
        for scan in [ReportFixture.scan()] + ReportFixture.hostileInputs.map(ReportFixture.hostileScan) {
            let sarif = SARIFReporter().render(scan, language: .vi)
            let run = try Python.run(script, files: [Self.schemaSubset, sarif])
            #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        }
    }
}
