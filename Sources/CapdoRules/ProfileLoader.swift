import CapdoCore

/// Reads a profile file (`Rules/profiles/level2.yaml`); a user profile may `extends: level2`.
public enum ProfileLoader {
    public static func load(text: String, file: String, base: (String) throws(CapdoError) -> Profile?)
        throws(CapdoError)
        -> Profile
    {
        guard let root = try YAMLReader.parse(text, file: file) else {
            throw LoadContext(file: file).error(1, "empty profile", code: .profile)
        }
        return try load(root: root, file: file, base: base)
    }

    /// The profile in an already parsed document (`RuleCatalog` parses each profile file once, to learn its id).
    static func load(root: YNode, file: String, base: (String) throws(CapdoError) -> Profile?) throws(CapdoError)
        -> Profile
    {
        let context = LoadContext(file: file)
        try context.checkKeys(
            root, allowed: ["id", "title", "extends", "include", "exclude", "variables", "description"],
            required: ["id"], what: "profile")
        var profile: Profile
        if let extendsNode = root["extends"] {
            let baseID = try context.string(extendsNode, "extends", line: extendsNode.line)
            guard let parent = try base(baseID) else {
                throw context.error(extendsNode.line, "profile '\(baseID)' to extend was not found", code: .profile)
            }
            profile = parent
        } else {
            profile = Profile(id: "", title: LocalizedText(""))
        }
        profile.id = try context.string(root["id"], "id", line: root.line)
        profile.title =
            try root["title"].map { (n: YNode) throws(CapdoError) in try context.localized(n, "title", line: n.line) }
            ?? (profile.title.en.isEmpty ? LocalizedText(profile.id) : profile.title)
        if let include = root["include"] { profile.include = try patterns(include, context) }
        if let exclude = root["exclude"] { profile.exclude += try patterns(exclude, context) }
        if let variables = root["variables"] {
            guard case .mapping(let pairs, _) = variables else {
                throw context.error(variables.line, "'variables' must be a mapping", code: .profile)
            }
            for pair in pairs {
                profile.variables[pair.key] = try variable(
                    pair.key, pair.value, context, previous: profile.variables[pair.key])
            }
        }
        profile.location = SourceLocation(file: file, line: root.line)
        return profile
    }

    private static func patterns(_ node: YNode, _ context: LoadContext) throws(CapdoError) -> [String] {
        guard let items = node.items else {
            throw context.error(node.line, "expected a list of rule-id patterns", code: .profile)
        }
        return items.compactMap { $0.scalar?.stringValue }
    }

    private static func variable(_ name: String, _ node: YNode, _ context: LoadContext, previous: ProfileVariable?)
        throws(CapdoError) -> ProfileVariable
    {
        if let scalar = node.scalar {
            // Shorthand override: `password_max_days: 60` keeps the base's source text, marked as overridden.
            return ProfileVariable(
                value: scalar, source: previous.map { "override (was \($0.value.display), \($0.source))" } ?? "local",
                description: previous?.description)
        }
        try context.checkKeys(
            node, allowed: ["value", "source", "description"], required: ["value"], what: "variable '\(name)'")
        return ProfileVariable(
            value: node["value"]!.factValue,
            source: node["source"]?.scalar?.stringValue ?? previous?.source ?? "local",
            description: try node["description"].map { (n: YNode) throws(CapdoError) in
                try context.localized(n, "description", line: n.line)
            } ?? previous?.description)
    }
}
