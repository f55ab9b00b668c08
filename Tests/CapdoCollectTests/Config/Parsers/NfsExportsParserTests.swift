import CapdoCollect
import CapdoCore
import Testing

@Suite("NFS exports")
struct NfsExportsParserTests {
    @Test(
        arguments: [
            ("/srv/share 10.10.30.0/24(rw,sync,root_squash)\n", "1", "0", "0"),
            ("/srv/share *(rw,sync)\n", "1", "1", "0"),
            ("/srv/share host1(ro) (rw)\n", "2", "1", "0"),  // the space makes '(rw)' an export to everyone
            ("/srv/share -rw,no_root_squash\n", "1", "1", "1"),
            ("/srv/share -rw 10.0.0.1 *(ro)\n", "2", "0", "0"),
            ("/srv/share *(rw,ro) 192.0.2.1(rw,no_root_squash)\n", "2", "0", "1"),
            ("\"/srv/with space\" *(rw) \\\n  192.0.2.0/24(rw)\n", "2", "1", "0"),
            ("# nothing\n\n", "0", "0", "0"),
        ] as [(String, String, String, String)])
    func countsExports(text: String, exports: String, worldWritable: String, noRootSquash: String) {
        let (section, issues) = NfsExportsParser.parse(.memory(["etc/exports": text]))
        #expect(issues.isEmpty)
        #expect(section.entries["exports"]?.value == exports)
        #expect(section.entries["world_writable"]?.value == worldWritable)
        #expect(section.entries["no_root_squash"]?.value == noRootSquash)
    }

    @Test func dropInsCountAndLocate() {
        let (section, issues) = NfsExportsParser.parse(
            .memory([
                "etc/exports": "/srv/a 192.0.2.0/24(rw)\n",
                "etc/exports.d/public.exports": "# public\n/srv/pub *(rw,no_root_squash)\nsrv/bad *(ro)\n",
                "etc/exports.d/ignored.conf": "/srv/x *(rw)\n",
            ]))
        #expect(
            section.entries["world_writable"] == ConfigEntry(value: "1", file: "etc/exports.d/public.exports", line: 2))
        #expect(section.entries["exports"]?.value == "2")
        #expect(issues.map(\.line) == [3])
    }

    @Test func noFilesNoEntries() {
        let (section, _) = NfsExportsParser.parse(.memory([:]))
        #expect(!section.present)
        #expect(section.entries.isEmpty)
    }
}
