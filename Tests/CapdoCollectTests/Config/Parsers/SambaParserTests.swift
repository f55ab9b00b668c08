import CapdoCollect
import CapdoCore
import Testing

@Suite("Samba guest shares")
struct SambaParserTests {
    @Test func guestSharesWithSynonymsAndGlobalDefault() {
        let files = ConfigFiles.memory([
            "etc/samba/smb.conf": """
            [global]
               workgroup = WORKGROUP
               include = /etc/samba/shares.conf
            [homes]
               browseable = no
            ; [old]
            ;    guest ok = yes
            [Public Docs]
               path = /srv/pub
               Guest OK = Yes
            [scans]
               path = /srv/scans
               public = true

            """,
            "etc/samba/shares.conf": "[team]\n   path = /srv/team\n   guest ok = no\n",
        ])
        let (section, issues) = SambaParser.parse(files)
        #expect(issues.isEmpty)
        #expect(section.entries["shares"]?.value == "4")
        #expect(section.entries["guest_shares"] == ConfigEntry(value: "2", file: "etc/samba/smb.conf", line: 10))
        #expect(section.entries["guest_share_names"]?.value == "Public Docs scans")
    }

    @Test func globalGuestOkAppliesToSharesThatDoNotSayOtherwise() {
        let (section, _) = SambaParser.parse(
            .memory([
                "etc/samba/smb.conf": "[global]\nguest ok = yes\n[a]\npath = /a\n[b]\npath = /b\nguest ok = no\n"
            ]))
        #expect(section.entries["guest_shares"]?.value == "1")
        #expect(section.entries["guest_share_names"]?.value == "a")
    }

    @Test func badLinesAreNamed() {
        let (section, issues) = SambaParser.parse(
            .memory(["etc/samba/smb.conf": "[a\npath /x\n[b]\nguest ok = maybe\n"]))
        #expect(section.entries["guest_shares"]?.value == "0")
        #expect(issues.map(\.line) == [1, 2, 4])
    }
}
