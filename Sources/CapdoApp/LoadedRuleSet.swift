import CapdoCore
import CapdoRules

/// The catalogue, profile and waivers a command evaluates with (`RuleSetChoice.load`).
public struct LoadedRuleSet: Sendable {
    public var catalog: RuleCatalog
    public var profile: Profile
    public var waivers: [Waiver]
    /// Restricts the selection to one requirement group (`capdo lan` evaluates only the network rules).
    public var onlyGroup: RequirementGroup?

    public init(catalog: RuleCatalog, profile: Profile, waivers: [Waiver] = [], onlyGroup: RequirementGroup? = nil) {
        self.catalog = catalog
        self.profile = profile
        self.waivers = waivers
        self.onlyGroup = onlyGroup
    }

    public var selectedRules: [Rule] {
        catalog.rules.filter { profile.selects($0.id) && (onlyGroup == nil || $0.group == onlyGroup) }
    }

    var profileInfo: ProfileInfo {
        ProfileInfo(
            id: profile.id, title: profile.title,
            variables: profile.variables.keys.sorted().map { name in
                let variable = profile.variables[name]!
                return VariableUse(
                    name: name, value: variable.value.display, source: variable.source,
                    description: variable.description)
            })
    }

    var ruleSetInfo: RuleSetInfo {
        RuleSetInfo(version: catalog.version, ruleCount: selectedRules.count, digest: catalog.digest)
    }
}
