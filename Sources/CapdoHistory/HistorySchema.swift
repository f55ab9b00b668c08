import GRDB

/// The history database schema, as ordered migrations (a migration once shipped is never edited).
enum HistorySchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE scan (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        command TEXT NOT NULL,
                        started_at REAL NOT NULL,
                        finished_at REAL NOT NULL,
                        organisation TEXT NOT NULL,
                        system TEXT,
                        profile TEXT NOT NULL,
                        rule_set_version TEXT NOT NULL,
                        rule_set_digest TEXT NOT NULL,
                        host_count INTEGER NOT NULL,
                        pass INTEGER NOT NULL,
                        fail INTEGER NOT NULL,
                        warn INTEGER NOT NULL,
                        error INTEGER NOT NULL,
                        exit_code INTEGER NOT NULL
                    );
                    CREATE TABLE inventory (
                        digest TEXT PRIMARY KEY NOT NULL,
                        body TEXT NOT NULL
                    ) WITHOUT ROWID;
                    CREATE TABLE host (
                        id INTEGER PRIMARY KEY,
                        scan_id INTEGER NOT NULL REFERENCES scan(id) ON DELETE CASCADE,
                        name TEXT NOT NULL,
                        root TEXT NOT NULL,
                        os TEXT,
                        system TEXT,
                        collected_at REAL NOT NULL,
                        facts_digest TEXT NOT NULL,
                        inventory TEXT REFERENCES inventory(digest)
                    );
                    CREATE INDEX host_by_scan ON host(scan_id);
                    CREATE INDEX host_by_name ON host(name, scan_id);
                    CREATE TABLE rule (
                        id TEXT PRIMARY KEY NOT NULL,
                        title_vi TEXT NOT NULL,
                        title_en TEXT NOT NULL,
                        severity TEXT NOT NULL,
                        grp TEXT NOT NULL,
                        item TEXT NOT NULL
                    ) WITHOUT ROWID;
                    CREATE TABLE finding (
                        host_id INTEGER NOT NULL REFERENCES host(id) ON DELETE CASCADE,
                        rule_id TEXT NOT NULL,
                        status TEXT NOT NULL,
                        found TEXT NOT NULL,
                        evidence TEXT NOT NULL
                    );
                    CREATE INDEX finding_by_host ON finding(host_id);
                    """)
        }
        migrator.registerMigration("v2-host-tally") { db in
            // Pass/warn/fail counts per host and requirement group, written with the findings, so that the score
            // trend reads a few rows per host instead of every finding of the last ten scans. Existing scans are
            // counted from their findings (grouped as the rule table groups them today, as the trend did).
            try db.execute(
                sql: """
                    CREATE TABLE host_tally (
                        host_id INTEGER NOT NULL REFERENCES host(id) ON DELETE CASCADE,
                        grp TEXT NOT NULL,
                        pass INTEGER NOT NULL,
                        warn INTEGER NOT NULL,
                        fail INTEGER NOT NULL,
                        PRIMARY KEY (host_id, grp)
                    ) WITHOUT ROWID;
                    INSERT INTO host_tally (host_id, grp, pass, warn, fail)
                        SELECT f.host_id, r.grp, SUM(f.status = 'pass'), SUM(f.status = 'warn'), SUM(f.status = 'fail')
                        FROM finding f JOIN rule r ON r.id = f.rule_id
                        GROUP BY f.host_id, r.grp;
                    """)
        }
        migrator.registerMigration("v3-shared-evidence") { db in
            // A fleet repeats the same evidence on host after host (10,000 hosts × 124 findings held a few hundred
            // distinct texts): each distinct evidence text and its "found" summary is stored once, and findings
            // refer to it. Findings recorded before keep their own texts in `finding.found` / `finding.evidence`;
            // readers take the shared text when there is one.
            try db.execute(
                sql: """
                    CREATE TABLE evidence (
                        id INTEGER PRIMARY KEY,
                        digest TEXT NOT NULL UNIQUE,
                        found TEXT NOT NULL,
                        body TEXT NOT NULL
                    );
                    ALTER TABLE finding ADD COLUMN evidence_id INTEGER REFERENCES evidence(id);
                    """)
        }
        return migrator
    }
}
