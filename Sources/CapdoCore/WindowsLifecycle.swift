import Foundation

/// End-of-servicing dates of Windows 10 and 11 client builds, by edition, as Microsoft's lifecycle pages publish them
/// (learn.microsoft.com/lifecycle/products/windows-10-home-and-pro, windows-10-enterprise-and-education,
/// windows-11-home-and-pro, windows-11-enterprise-and-education, and the LTSC pages). A small shipped table: update
/// it when Microsoft publishes a new release. Extended Security Updates (ESU) are a paid enrolment a snapshot cannot
/// show; an enrolled PC needs a waiver.
public enum WindowsLifecycle {
    public static let source =
        "capdo Windows lifecycle table (Microsoft Lifecycle: learn.microsoft.com/lifecycle/products/windows-10-*, windows-11-*)"

    /// One client release: its build, name, and end of servicing for Home/Pro, Enterprise/Education and LTSC.
    public struct Release: Sendable, Equatable {
        public var build: Int
        public var name: String
        public var homePro: String
        public var enterprise: String
        public var ltsc: String?
    }

    public static let releases: [Release] = [
        Release(
            build: 17763, name: "Windows 10 1809", homePro: "2020-11-10", enterprise: "2021-05-11", ltsc: "2029-01-09"),
        Release(build: 18362, name: "Windows 10 1903", homePro: "2020-12-08", enterprise: "2020-12-08"),
        Release(build: 18363, name: "Windows 10 1909", homePro: "2021-05-11", enterprise: "2022-05-10"),
        Release(build: 19041, name: "Windows 10 2004", homePro: "2021-12-14", enterprise: "2021-12-14"),
        Release(build: 19042, name: "Windows 10 20H2", homePro: "2022-05-10", enterprise: "2023-05-09"),
        Release(build: 19043, name: "Windows 10 21H1", homePro: "2022-12-13", enterprise: "2022-12-13"),
        Release(
            build: 19044, name: "Windows 10 21H2", homePro: "2023-06-13", enterprise: "2024-06-11", ltsc: "2027-01-12"),
        Release(build: 19045, name: "Windows 10 22H2", homePro: "2025-10-14", enterprise: "2025-10-14"),
        Release(build: 22000, name: "Windows 11 21H2", homePro: "2023-10-10", enterprise: "2024-10-08"),
        Release(build: 22621, name: "Windows 11 22H2", homePro: "2024-10-08", enterprise: "2025-10-14"),
        Release(build: 22631, name: "Windows 11 23H2", homePro: "2025-11-11", enterprise: "2026-11-10"),
        Release(
            build: 26100, name: "Windows 11 24H2", homePro: "2026-10-13", enterprise: "2027-10-12", ltsc: "2029-10-09"),
        Release(build: 26200, name: "Windows 11 25H2", homePro: "2027-10-12", enterprise: "2028-10-10"),
    ]

    /// The support facts of a Windows host from its build (`version_id` `10.0.19045` or `kernel`) and edition (the
    /// product name: Enterprise/Education, LTSC/LTSB, else Home/Pro); nil when not Windows or the build is not in the
    /// table.
    public static func support(of system: SystemFacts) -> OSSupportFacts? {
        guard system.osFamily == "windows",
            let build = [system.versionID, system.kernel].compactMap({ $0.flatMap(Self.build) }).first,
            let release = releases.first(where: { $0.build == build })
        else { return nil }
        let name = system.prettyName ?? ""
        let (edition, end): (String, String)
        if name.range(of: "LTSC", options: .caseInsensitive) != nil
            || name.range(of: "LTSB", options: .caseInsensitive) != nil
        {
            guard let ltsc = release.ltsc else { return nil }
            (edition, end) = ("LTSC", ltsc)
        } else if name.range(of: "Enterprise", options: .caseInsensitive) != nil
            || name.range(of: "Education", options: .caseInsensitive) != nil
        {
            (edition, end) = ("Enterprise/Education", release.enterprise)
        } else {
            (edition, end) = ("Home/Pro", release.homePro)
        }
        guard let date = CapdoDate.parse(end) else { return nil }
        return OSSupportFacts(
            source: source, product: "\(release.name) (\(edition), build \(build))",
            basis: "end of servicing, \(edition)", supportEnd: date)
    }

    /// Gives a Windows snapshot (the PowerShell script writes no `os_support`) its support facts from the table;
    /// true when it did. Both snapshot readers call it, so every route judges the same facts.
    @discardableResult
    public static func fill(_ snapshot: inout HostSnapshot) -> Bool {
        guard snapshot.osSupport == nil, let system = snapshot.system, let support = support(of: system) else {
            return false
        }
        snapshot.osSupport = support
        return true
    }

    /// The build number of `10.0.19045` (or `10.0.19045.5247`).
    static func build(_ version: String) -> Int? {
        let parts = version.split(separator: ".")
        guard parts.count >= 3, parts[0] == "10" else { return nil }
        return Int(parts[2])
    }
}
