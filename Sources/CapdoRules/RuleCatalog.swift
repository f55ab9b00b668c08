import CapdoCore
import Foundation

/// The loaded rule set: rules, profiles and controls from a `Rules/` directory, plus the problems met.
///
/// A broken rule file does not stop the others from loading (one bad rule must not disable the policy):
/// its error is kept in `problems` and shown by every command.
public struct RuleCatalog: Sendable {
    public var directory: String
    public var rules: [Rule]
    public var profiles: [String: Profile]
    public var controls: [ControlItem]
    public var problems: [CapdoError]
    /// SHA-256 over the rule files' paths and bytes.
    public var digest: String
    public var version: String

    /// Loads every `*.yaml` under `directory`: `profiles/`, `controls/`, and rules everywhere else.
    public static func load(directory: String) throws(CapdoError) -> RuleCatalog {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CapdoError(.io, "rules directory '\(directory)' not found (use --rules DIR or set CAPDO_RULES)")
        }
        let base = URL(fileURLWithPath: directory).standardizedFileURL
        let files = yamlFiles(under: base)
        var catalog = RuleCatalog(
            directory: base.path, rules: [], profiles: [:], controls: [], problems: [], digest: "",
            version: CapdoVersion.string)
        var hasher = SHA256()
        var profileDocuments: [String: (root: YNode, file: String)] = [:]
        var seen: [String: SourceLocation] = [:]
        // Parse rule files in parallel (YAML parsing is most of a scan's fixed cost), then merge in file order.
        let parsed = ParsedFiles(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            parsed.set(index, parseFile(files[index], base: base))
        }
        for file in parsed.results {
            guard let file else { continue }
            if let data = file.data { hasher.update(Array(file.relative.utf8) + [0] + Array(data)) }
            catalog.problems += file.problems
            if let profile = file.profile { profileDocuments[profile.id] = (profile.root, file.relative) }
            catalog.controls += file.controls
            for rule in file.rules {
                if let previous = seen[rule.id] {
                    catalog.problems.append(
                        CapdoError(
                            .ruleInvalid,
                            "\(rule.location): rule '\(rule.id)': duplicate id (first defined at \(previous))"))
                    continue
                }
                seen[rule.id] = rule.location
                catalog.rules.append(rule)
            }
        }
        // Profiles may extend each other; resolve lazily with cycle protection.
        var resolving: Set<String> = []
        func resolve(_ id: String) throws(CapdoError) -> Profile? {
            if let done = catalog.profiles[id] { return done }
            guard let source = profileDocuments[id] else { return nil }
            guard resolving.insert(id).inserted else {
                throw CapdoError(.profile, "\(source.file): profile '\(id)' extends itself (cycle)")
            }
            let profile = try ProfileLoader.load(root: source.root, file: source.file, base: resolve)
            catalog.profiles[id] = profile
            return profile
        }
        for id in profileDocuments.keys.sorted() {
            do throws(CapdoError) { _ = try resolve(id) } catch { catalog.problems.append(error) }
        }
        catalog.controls = Self.attestationStrengths(catalog.controls, rules: catalog.rules)
        catalog.digest = hasher.hexDigest()
        return catalog
    }

    /// Marks every `manual` rule an item lists as `attestation` unless the controls file gives its strength.
    static func attestationStrengths(_ controls: [ControlItem], rules: [Rule]) -> [ControlItem] {
        let manual = Set(rules.filter(\.manual).map(\.id))
        return controls.map { control in
            var control = control
            for rule in control.rules where manual.contains(rule) && control.strengths[rule] == nil {
                control.strengths[rule] = .attestation
            }
            return control
        }
    }

    /// The rules directory shipped with capdo: `$CAPDO_RULES`, `./Rules`, next to the executable, or the source tree.
    public static func locateShipped(executable: String? = nil) -> String? {
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["CAPDO_RULES"], !env.isEmpty { candidates.append(env) }
        candidates.append(FileManager.default.currentDirectoryPath + "/Rules")
        if let executable = executableFile(argument: executable) {
            let dir = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
            candidates.append(dir.appendingPathComponent("Rules").path)
            candidates.append(dir.appendingPathComponent("../share/capdo/Rules").standardizedFileURL.path)
        }
        let sourceTree = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Rules").path
        candidates.append(sourceTree)
        return candidates.first { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path + "/profiles", isDirectory: &isDirectory)
                && isDirectory.boolValue
        }
    }

    /// The running program's file. `argv[0]` is only a name when the shell found the program through `PATH`
    /// (`capdo` installed in /usr/bin), so the kernel's link is asked first; `argument` is the fallback.
    static func executableFile(argument: String?) -> String? {
        if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return link }
        return argument
    }

    /// The shipped catalogue (for tests and the default CLI).
    public static func shipped() throws(CapdoError) -> RuleCatalog {
        guard let directory = locateShipped() else {
            throw CapdoError(.io, "the shipped Rules/ directory was not found; pass --rules DIR or set CAPDO_RULES")
        }
        return try load(directory: directory)
    }

    public func profile(_ id: String) -> Profile? { profiles[id] }

    /// The profile `--profile` or capdo.yaml names: a profile id of this catalogue, or a profile YAML file (a name
    /// ending in `.yaml` or holding a `/`), which may extend this catalogue's profiles. Every failure is a
    /// `.profile` error: the user named it.
    public func profile(named name: String) throws(CapdoError) -> Profile {
        guard name.hasSuffix(".yaml") || name.contains("/") else {
            guard let found = profile(name) else {
                throw CapdoError(
                    .profile, "unknown profile '\(name)'; known: \(profiles.keys.sorted().joined(separator: ", "))")
            }
            return found
        }
        guard let data = FileManager.default.contents(atPath: name) else {
            throw CapdoError(.profile, "cannot read profile file '\(name)'")
        }
        do throws(CapdoError) {
            return try ProfileLoader.load(
                text: String(decoding: data, as: UTF8.self), file: name, base: { profile($0) })
        } catch {
            throw error.coded(.profile)
        }
    }

    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }

    /// What one file contributed.
    struct FileResult: Sendable {
        var relative: String
        var data: Data?
        var rules: [Rule] = []
        var controls: [ControlItem] = []
        /// A profile file, parsed once: its id and document (resolved after every file is read, as profiles extend each
        /// other).
        var profile: (id: String, root: YNode)?
        var problems: [CapdoError] = []
    }

    private static func parseFile(_ url: URL, base: URL) -> FileResult {
        let relative = "Rules/" + String(url.path.dropFirst(base.path.count + 1))
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return FileResult(
                relative: relative, data: nil, problems: [CapdoError(.io, "\(relative): cannot read the file")])
        }
        var result = FileResult(relative: relative, data: data)
        let text = String(decoding: data, as: UTF8.self)
        let components = url.path.dropFirst(base.path.count + 1).split(separator: "/")
        do throws(CapdoError) {
            if components.first == "profiles" {
                if let root = try YAMLReader.parse(text, file: relative), let id = root["id"]?.scalar?.stringValue {
                    result.profile = (id, root)
                }
            } else if components.first == "controls" {
                result.controls = try ControlsLoader.load(text: text, file: relative)
            } else {
                let group = components.dropLast().compactMap { RequirementGroup(rawValue: String($0)) }.last
                result.rules = try RuleLoader.load(text: text, file: relative, defaultGroup: group)
            }
        } catch {
            result.problems.append(error)
        }
        return result
    }

    private static func yamlFiles(under base: URL) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey])
        else {
            return []
        }
        var result: [URL] = []
        for case let url as URL in enumerator where url.pathExtension == "yaml" || url.pathExtension == "yml" {
            result.append(url.standardizedFileURL)
        }
        return result.sorted { $0.path < $1.path }
    }
}
