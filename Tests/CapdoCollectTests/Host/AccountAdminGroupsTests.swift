import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

@Suite("Administrator accounts: UID 0 and members of sudo, wheel, admin")
struct AccountAdminGroupsTests {
    @Test func membersListedOrByPrimaryGroup() async throws {
        let root = try TemporaryDirectory()
        try root.write(
            "etc/passwd",
            """
            root:x:0:0:root:/root:/bin/bash
            qtht:x:1000:1000::/home/qtht:/bin/bash
            wheelie:x:1001:10::/home/wheelie:/bin/bash
            lan:x:1002:1002::/home/lan:/bin/bash

            """)
        try root.write("etc/shadow", "root:!:20000:0:99999:7:::\nqtht:!:20000:0:60:7:::\n")
        try root.write(
            "etc/group",
            "root:x:0:\nwheel:x:10:\nsudo:x:27:qtht, lan2\nadmin:x:115:\nqtht:x:1000:\nlan:x:1002:\n")
        let facts = try #require(await AccountsCollector().collect(in: root.environment()).accounts)
        let byName = Dictionary(uniqueKeysWithValues: facts.accounts.map { ($0.name, $0) })
        #expect(facts.groupsReadable == true)
        #expect(facts.sources.contains("etc/group"))
        #expect(byName["root"]?.admin == true)
        #expect(byName["qtht"]?.admin == true)
        #expect(byName["qtht"]?.adminGroups == ["sudo"])
        #expect(byName["wheelie"]?.adminGroups == ["wheel"])
        #expect(byName["lan"]?.admin == false)
        #expect(byName["lan"]?.adminGroups == nil)
    }

    @Test func withoutGroupFileAdminIsUnknown() async throws {
        let root = try TemporaryDirectory()
        try root.write("etc/passwd", "root:x:0:0:root:/root:/bin/bash\n")
        let facts = try #require(await AccountsCollector().collect(in: root.environment()).accounts)
        #expect(facts.groupsReadable == false)
        #expect(facts.accounts.first?.admin == nil)
    }

    @Test func parserSkipsMalformedLines() {
        let groups = GroupParser.administrationGroups("sudo:x:27\nwheel:x:ten:a\nadmin:x:4:b,,c\n# sudo:x:1:z\n")
        #expect(groups == [GroupParser.AdminGroup(name: "admin", gid: 4, members: ["b", "c"])])
    }
}
