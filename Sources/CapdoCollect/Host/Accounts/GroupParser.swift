/// Parses `etc/group` into the members of the groups that grant administration (`sudo`, `wheel`, `admin`).
///
/// Debian and Ubuntu give sudo to `sudo` (and `admin` on old Ubuntu releases), RHEL and Alpine to `wheel`. A member
/// is an account named in the group's member list or whose primary GID is the group's.
public enum GroupParser {
    /// The groups whose members may run any command as root through the distribution's default sudoers.
    public static let administrationGroups: Set<String> = ["sudo", "wheel", "admin"]

    /// One administration group: its name, GID and listed members.
    public struct AdminGroup: Sendable, Equatable {
        public var name: String
        public var gid: Int
        public var members: [String]

        public init(name: String, gid: Int, members: [String]) {
            self.name = name
            self.gid = gid
            self.members = members
        }
    }

    /// The administration groups found in `text` (in file order); malformed lines are skipped.
    public static func administrationGroups(_ text: String) -> [AdminGroup] {
        ColonFile.records(text).compactMap { record in
            let fields = record.fields
            guard fields.count >= 4, administrationGroups.contains(String(fields[0])), let gid = Int(fields[2])
            else { return nil }
            let members = fields[3].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            return AdminGroup(name: String(fields[0]), gid: gid, members: members)
        }
    }

    /// The administration groups `name` (primary group `gid`) belongs to, sorted.
    public static func groups(of name: String, gid: Int, in groups: [AdminGroup]) -> [String] {
        groups.filter { $0.gid == gid || $0.members.contains(name) }.map(\.name).sorted()
    }
}
