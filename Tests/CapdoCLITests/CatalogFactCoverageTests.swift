import CapdoCore
import Foundation
import Testing

@testable import CapdoRules

/// Every fact path the shipped catalogue reads — as each check's resolver declares it: `config.<source>`, an `items`
/// path and its `where` fields, a `fact` path, a file, a system field, … — is produced by a real collection or
/// described by docs/snapshot.schema.json. A renamed or misspelt fact would otherwise leave its rules `not_assessed`
/// on every host, and nothing would fail.
@Suite("Catalogue fact coverage")
struct CatalogFactCoverageTests {
    /// The fact paths real collections produce, gathered once for the suite.
    static let produced = Result { try ProducedFacts.collect() }

    /// What the collections produced, with docs/snapshot.schema.json for the sections the samples cannot show
    /// (probed TLS endpoints, say).
    static func coverage() throws -> Coverage {
        let url = CapdoProcess.repository.appendingPathComponent("docs/snapshot.schema.json")
        let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        return Coverage(produced: try produced.get(), schema: try #require(schema))
    }

    /// Every rule of the shipped catalogue with the fact paths its checks read (check, applies, warn_unless,
    /// absence_proof).
    static var declared: [(rule: String, path: FactPath)] {
        let rules = (try? RuleCatalog.shipped().rules) ?? []
        return rules.flatMap { rule in
            [rule.check, rule.applies, rule.warnUnless, rule.absenceProof].compactMap { $0 }
                .flatMap(ResourceResolvers.factPaths(of:)).map { (rule.id, $0) }
        }
    }

    @Test func everyFactTheCatalogueReadsIsProducedOrDescribed() throws {
        let coverage = try Self.coverage()
        let declared = Self.declared
        #expect(declared.count > 200, "the catalogue's checks declare only \(declared.count) fact paths")
        let uncovered = declared.filter { !coverage.covers($0.path) }
        let lines = uncovered.map { "rule '\($0.rule)' reads \($0.path), which no collection produced" }
        #expect(uncovered.isEmpty, "\(Set(lines).sorted().joined(separator: "\n"))")
    }

    /// The check above is not vacuous: a misspelt path of each kind is reported, the right spelling is not.
    @Test(arguments: [
        ("items", "backup.jobz", "backup.jobs"),
        ("fact", "logs.auth.oldest_entri", "logs.auth.oldest_entry"),
        ("config", "sshd_config", "sshd"),
        ("file", "/etc/shadw", "/etc/shadow"),
        ("system", "os_familly", "os_family"),
    ])
    func aMisspeltPathIsReported(kind: String, misspelt: String, right: String) throws {
        let coverage = try Self.coverage()
        let key = ["items": "path", "fact": "path", "config": "source", "file": "path", "system": "field"][kind] ?? ""
        func paths(_ value: String) -> [FactPath] {
            ResourceResolvers.resolver(for: ResourceKind(rawValue: kind))?.factPaths([key: .string(value)]) ?? []
        }
        #expect(!paths(misspelt).isEmpty && !paths(misspelt).allSatisfy { coverage.covers($0) })
        #expect(!paths(right).isEmpty && paths(right).allSatisfy { coverage.covers($0) })
    }

    @Test func aMisspeltWhereFieldIsReported() throws {
        let coverage = try Self.coverage()
        let resolver = try #require(ResourceResolvers.resolver(for: "items"))
        func paths(_ field: String) -> [FactPath] {
            resolver.factPaths(["path": .string("tls.certificates"), "where": .object([field: .number(2048)])])
        }
        #expect(!paths("key_bit").allSatisfy { coverage.covers($0) })
        #expect(paths("key_bits").allSatisfy { coverage.covers($0) })
    }
}

extension CatalogFactCoverageTests {
    /// Whether a fact path is produced by a collection or described by the snapshot schema.
    struct Coverage {
        var produced: ProducedFacts
        var schema: [String: Any]

        /// A path is covered when a collection produced it, or the schema names it: a wildcard such as `config`'s
        /// `additionalProperties` names nothing in particular, so a configuration source must come from a collection.
        func covers(_ path: FactPath) -> Bool {
            produced.contains(path.components) || described(path.components)
        }

        private func described(_ path: [String]) -> Bool {
            let definitions = schema["$defs"] as? [String: Any] ?? [:]
            func resolved(_ node: [String: Any]) -> [String: Any] {
                guard let reference = node["$ref"] as? String, reference.hasPrefix("#/$defs/"),
                    let target = definitions[String(reference.dropFirst("#/$defs/".count))] as? [String: Any]
                else { return node }
                return resolved(target)
            }
            var node = resolved(schema)
            for component in path {
                let next: Any?
                switch component {
                case FactPath.elements: next = node["items"]
                case FactPath.anyKey: next = node["additionalProperties"]
                default: next = (node["properties"] as? [String: Any])?[component]
                }
                guard let child = next as? [String: Any] else { return false }
                node = resolved(child)
            }
            return true
        }
    }
}
