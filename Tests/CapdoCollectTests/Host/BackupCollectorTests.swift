import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

@Suite("BackupCollector and BackupCommandParser")
struct BackupCollectorTests {
    @Test(
        arguments: [
            ("restic -r sftp:backup@nas:/srv/restic backup /etc", "restic", "sftp:backup@nas:/srv/restic"),
            ("/usr/bin/borg create backup@nas:/srv/borg::{now} /home", "borg", "backup@nas:/srv/borg::{now}"),
            ("borgmatic --verbosity 1", "borgmatic", nil),
            ("pg_dump mydb | gzip > /srv/backup/db.sql.gz", "pg_dump", nil),
            ("rclone sync /srv/data gdrive:backups", "rclone", "gdrive:backups"),
            ("restic --repo=s3:s3.amazonaws.com/bucket backup /", "restic", "s3:s3.amazonaws.com/bucket"),
            ("cd / && tar czf /backup/etc.tgz etc", "tar", nil),
        ] as [(String, String, String?)])
    func recognisesTools(command: String, tool: String, target: String?) throws {
        let found = try #require(BackupCommandParser.analyse(command))
        #expect(found.tool == tool)
        #expect(found.target == target)
    }

    @Test func ignoresOtherCommands() {
        #expect(BackupCommandParser.analyse("/usr/sbin/logrotate /etc/logrotate.conf") == nil)
        #expect(BackupCommandParser.analyse("echo tarball") == nil)
        #expect(BackupCommandParser.cronLine("MAILTO=root", hasUser: true) == nil)
        #expect(BackupCommandParser.cronLine("@daily root restic backup", hasUser: true)?.schedule == "@daily")
    }

    @Test func collectsJobsAndNewestArtefact() async throws {
        let root = try TemporaryDirectory()
        try root.write("etc/crontab", "SHELL=/bin/sh\n17 * * * * root cd / && run-parts --report /etc/cron.hourly\n")
        try root.write(
            "etc/cron.d/restic",
            "# backup\nMAILTO=root\n30 1 * * * root restic -r sftp:backup@nas:/srv/restic backup /etc\n")
        try root.write("var/spool/cron/crontabs/postgres", "0 2 * * * pg_dumpall > /srv/backup/all.sql\n")
        try root.write("etc/cron.daily/dump", "#!/bin/sh\nset -e\nmysqldump --all-databases > /srv/backup/my.sql\n")
        try root.write("lib/systemd/system/borg.timer", "[Timer]\nOnCalendar=*-*-* 03:00\n")
        try root.write(
            "lib/systemd/system/borg.service",
            "[Service]\nType=oneshot\nExecStart=/usr/bin/borg create ssh://u@h/./repo::x /\n")
        try root.write("srv/backup/old.sql", "1", modified: Date(timeIntervalSince1970: 1_700_000_000))
        try root.write("srv/backup/a/b/c/new.sql.gz", "2", modified: Date(timeIntervalSince1970: 1_790_000_000))
        try root.write("srv/backup/a/b/c/d/e/too-deep.gz", "3", modified: Date(timeIntervalSince1970: 1_800_000_000))
        try root.write("elsewhere/newest", "4", modified: Date(timeIntervalSince1970: 1_900_000_000))
        try root.symlink("srv/backup/link", to: "/elsewhere")
        let output = await BackupCollector().collect(in: root.environment())
        let backup = try #require(output.backup)
        #expect(
            backup.jobs == [
                BackupJob(
                    tool: "restic", scheduler: "cron", schedule: "30 1 * * *", target: "sftp:backup@nas:/srv/restic",
                    file: "etc/cron.d/restic", line: 3, operation: "backup"),
                BackupJob(
                    tool: "pg_dumpall", scheduler: "cron", schedule: "0 2 * * *",
                    file: "var/spool/cron/crontabs/postgres", line: 1),
                BackupJob(
                    tool: "mysqldump", scheduler: "cron", schedule: "daily", file: "etc/cron.daily/dump", line: 3),
                BackupJob(
                    tool: "borg", scheduler: "systemd", schedule: "*-*-* 03:00", target: "ssh://u@h/./repo::x",
                    file: "lib/systemd/system/borg.service", line: 3, operation: "create"),
            ])
        #expect(backup.searched == ["srv/backup"])
        #expect(backup.newestArtefact == "srv/backup/a/b/c/new.sql.gz")
        #expect(backup.newestArtefactTime == Date(timeIntervalSince1970: 1_790_000_000))
    }
}
