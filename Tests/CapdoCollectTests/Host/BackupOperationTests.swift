import CapdoCollect
import Testing

@Suite("Backup job operations")
struct BackupOperationTests {
    @Test(
        arguments: [
            (
                "restic -r sftp:backup@nas:/srv/restic --password-file /etc/restic/pw check --read-data-subset=5%",
                "check"
            ),
            ("restic -r sftp:backup@nas:/srv/restic backup /etc", "backup"),
            ("borg check --verify-data backup@nas:/srv/borg", "check"),
            ("/usr/bin/borgmatic check", "check"),
            ("borgmatic --verbosity 1", nil),
            ("rsync -a /srv/ nas:/backup/check", nil),
        ] as [(String, String?)])
    func operationOfRepositoryTools(command: String, operation: String?) throws {
        let found = try #require(BackupCommandParser.analyse(command))
        #expect(found.operation == operation)
    }
}
