import CapdoCore

/// Sentences of the host resources: files, packages, services, listening ports.
extension EvidenceSentence {
    /// A file's metadata: `Tệp /etc/shadow có quyền 0640, chủ sở hữu root (uid 0)`.
    static func file(
        path: String, exists: Bool, attributes: [(name: String, value: FactValue?)], requirement: LocalizedText
    ) -> LocalizedText {
        guard exists else {
            return Wording.withRequirement(
                LocalizedText(vi: "Tệp \(path) không tồn tại", en: "File \(path) does not exist"), requirement)
        }
        let parts = attributes.map { attribute(name: $0.name, value: $0.value) }
        let observation =
            parts.isEmpty
            ? LocalizedText(vi: "Tệp \(path) tồn tại", en: "File \(path) exists")
            : LocalizedText(
                vi: "Tệp \(path) có \(parts.map(\.vi).joined(separator: ", "))",
                en: "File \(path) has \(parts.map(\.en).joined(separator: ", "))")
        return Wording.withRequirement(observation, requirement)
    }

    /// What `exists:` asks of a file.
    static func fileExists(_ wanted: Bool) -> LocalizedText {
        wanted ? LocalizedText(vi: "tồn tại", en: "exists") : LocalizedText(vi: "không tồn tại", en: "absent")
    }

    /// The plain name of a file attribute (`uid` → "chủ sở hữu"/"owner") for requirements.
    static func attributeLabel(_ name: String) -> LocalizedText {
        switch name {
        case "mode": return LocalizedText(vi: "quyền", en: "permissions")
        case "uid": return LocalizedText(vi: "chủ sở hữu (uid)", en: "owner (uid)")
        case "gid": return LocalizedText(vi: "nhóm (gid)", en: "group (gid)")
        case "kind": return LocalizedText(vi: "loại", en: "type")
        case "size": return LocalizedText(vi: "kích thước (byte)", en: "size (bytes)")
        default: return LocalizedText(name)
        }
    }

    private static func attribute(name: String, value: FactValue?) -> LocalizedText {
        let shown = Wording.value(value)
        switch name {
        case "uid" where value?.integerValue == 0:
            return LocalizedText(vi: "chủ sở hữu root (uid 0)", en: "owner root (uid 0)")
        case "gid" where value?.integerValue == 0:
            return LocalizedText(vi: "nhóm root (gid 0)", en: "group root (gid 0)")
        default:
            let label = attributeLabel(name)
            return LocalizedText(vi: "\(label.vi) \(shown.vi)", en: "\(label.en) \(shown.en)")
        }
    }

    /// A package: installed with its version, or not installed.
    static func package(name: String, version: FactValue?, location: String?, requirement: LocalizedText)
        -> LocalizedText
    {
        let observation: LocalizedText
        if let version {
            let shown = Wording.value(version)
            observation = LocalizedText(
                vi: "Gói \(name) đã cài, phiên bản \(shown.vi)\(Wording.place(location))",
                en: "Package \(name) is installed, version \(shown.en)\(Wording.place(location))")
        } else {
            observation = LocalizedText(
                vi: "Gói \(name) chưa được cài\(Wording.place(location))",
                en: "Package \(name) is not installed\(Wording.place(location))")
        }
        return Wording.withRequirement(observation, requirement)
    }

    /// What a package check asks: installed, not installed, or a version.
    static func packageRequirement(installed: Bool) -> LocalizedText {
        installed ? LocalizedText(vi: "đã cài", en: "installed") : LocalizedText(vi: "không cài", en: "not installed")
    }

    /// The states a service check reads, as found.
    enum UnitState {
        case missing, enabled, masked, notEnabled
    }

    /// A systemd unit: enabled at boot or not, running or not (or judged by enablement on an offline root).
    static func service(
        name: String, state: UnitState, active: String?, judgedByEnablement: Bool, location: String?,
        requirement: LocalizedText
    ) -> LocalizedText {
        var parts: [LocalizedText] = []
        switch state {
        case .missing:
            return Wording.withRequirement(
                LocalizedText(
                    vi: "Dịch vụ \(name) không có trên máy\(Wording.place(location))",
                    en: "Service \(name) does not exist on this host\(Wording.place(location))"), requirement)
        case .enabled: parts.append(LocalizedText(vi: "được bật khi khởi động", en: "enabled at boot"))
        case .masked: parts.append(LocalizedText(vi: "bị chặn (masked)", en: "masked"))
        case .notEnabled: parts.append(LocalizedText(vi: "không được bật khi khởi động", en: "not enabled at boot"))
        }
        if let active {
            parts.append(
                active == "active"
                    ? LocalizedText(vi: "đang chạy", en: "running")
                    : LocalizedText(vi: "không chạy (\(active))", en: "not running (\(active))"))
        }
        if judgedByEnablement {
            parts.append(
                LocalizedText(
                    vi: "chưa rõ có đang chạy không (quét ngoại tuyến), xét theo việc bật khi khởi động",
                    en: "running state unknown (offline scan), judged by enablement"))
        }
        return Wording.withRequirement(
            LocalizedText(
                vi: "Dịch vụ \(name) \(parts.map(\.vi).joined(separator: ", "))\(Wording.place(location))",
                en: "Service \(name) is \(parts.map(\.en).joined(separator: ", "))\(Wording.place(location))"),
            requirement)
    }

    /// What a service check asks, part by part.
    static func serviceRequirement(enabled: Bool?, active: Bool?) -> LocalizedText {
        var parts: [LocalizedText] = []
        if let enabled {
            parts.append(
                enabled
                    ? LocalizedText(vi: "bật khi khởi động", en: "enabled at boot")
                    : LocalizedText(vi: "không bật khi khởi động", en: "not enabled at boot"))
        }
        if let active {
            parts.append(
                active
                    ? LocalizedText(vi: "đang chạy", en: "running") : LocalizedText(vi: "không chạy", en: "not running")
            )
        }
        if parts.isEmpty { parts.append(LocalizedText(vi: "có trên máy", en: "present")) }
        return MatcherPhrase.all(parts)
    }

    /// Listening sockets on some ports: none, or which (`0.0.0.0:23/tcp (inetd)`).
    static func ports(
        protocol proto: String, ports: [String], sockets: [String], includeLoopback: Bool, location: String?,
        requirement: LocalizedText
    ) -> LocalizedText {
        let subject = portsSubject(protocol: proto, ports: ports)
        let scope =
            includeLoopback ? LocalizedText("") : LocalizedText(vi: " (ngoài loopback)", en: " (outside loopback)")
        let observation: LocalizedText
        if sockets.isEmpty {
            observation = LocalizedText(
                vi: "Không có dịch vụ nào lắng nghe trên \(subject.vi.lowercasedFirst)\(scope.vi)",
                en: "Nothing listens on \(subject.en)\(scope.en)")
        } else {
            let count = CountedNoun.socket.counted(sockets.count)
            let verb = sockets.count == 1 ? "listens" : "listen"
            let listed = sockets.joined(separator: "; ")
            observation = LocalizedText(
                vi: "Có \(sockets.count) dịch vụ lắng nghe trên \(subject.vi.lowercasedFirst)\(scope.vi): \(listed)"
                    + Wording.place(location),
                en: "\(count.en) \(verb) on \(subject.en)\(scope.en): \(listed)\(Wording.place(location))")
        }
        return Wording.withRequirement(observation, requirement)
    }

    /// What a port check asks without `count`: listening, or nothing listening.
    static func portRequirement(listening: Bool) -> LocalizedText {
        listening
            ? LocalizedText(vi: "có dịch vụ lắng nghe", en: "something listening")
            : LocalizedText(vi: "không có dịch vụ nào lắng nghe", en: "nothing listening")
    }
}

extension String {
    /// The first letter in lower case (a subject moved inside a sentence), unless the first word is a name written
    /// with capitals or digits inside it (`SMB1`, `TCP`, `ClamAV`).
    var lowercasedFirst: String {
        guard let first else { return self }
        let word = prefix { $0 != " " }.dropFirst()
        if word.contains(where: { $0.isUppercase || $0.isNumber }) { return self }
        return first.lowercased() + dropFirst()
    }
}
