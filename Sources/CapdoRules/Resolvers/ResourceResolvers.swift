import CapdoCore

/// The one list of resource kinds: a new kind is its resolver's file and one line here.
enum ResourceResolvers {
    static let all: [any ResourceResolver] = [
        ConfigResolver(), FileResolver(), PackageResolver(), ServiceResolver(), PortResolver(), AccountResolver(),
        ItemsResolver(), FactResolver(), EvidenceResolver(), SystemResolver(), AntivirusResolver(),
    ]

    private static let byKind: [ResourceKind: any ResourceResolver] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.kind, $0) })

    /// The resolver of `kind`; nil for a name no resolver declares.
    static func resolver(for kind: ResourceKind) -> (any ResourceResolver)? { byKind[kind] }

    /// The fact paths a check tree reads, every leaf's (for the catalogue's fact-coverage test).
    static func factPaths(of check: Check) -> [FactPath] {
        leaves(of: check).flatMap { resource in resolver(for: resource.kind)?.factPaths(resource.selector) ?? [] }
    }

    /// The collections a check tree counts or searches (emptied by the example runner).
    static func collectionPaths(of check: Check) -> [String] {
        leaves(of: check).flatMap { resource in resolver(for: resource.kind)?.collectionPaths(resource.selector) ?? [] }
    }

    /// The resource checks of a check tree, in order.
    static func leaves(of check: Check) -> [ResourceCheck] {
        switch check {
        case .all(let checks), .any(let checks), .none(let checks): return checks.flatMap(leaves)
        case .resource(let resource): return [resource]
        }
    }
}
