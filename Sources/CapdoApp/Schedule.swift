import CapdoRules
import Foundation

/// The unit files or crontab line `capdo schedule` prints: a daily `capdo scan --config FILE`, allowed to write only
/// the report folder and the history database's folder that capdo.yaml names (defaults under /var/lib/capdo).
public struct Schedule: Sendable {
    public var executable: String
    public var config: String
    public var hour: Int
    public var minute: Int
    var output = "/var/lib/capdo/reports"
    var history = "/var/lib/capdo/history.sqlite"

    /// Reads `config`'s `output` and `history` when the file exists and loads; the defaults otherwise.
    public init(executable: String, config: String, hour: Int, minute: Int) {
        self.executable = executable
        self.config = config
        self.hour = hour
        self.minute = minute
        if FileManager.default.fileExists(atPath: config), let loaded = try? CapdoConfigLoader.load(path: config) {
            output = loaded.output.map(Self.absolute) ?? output
            history = loaded.history.map(Self.absolute) ?? history
        }
    }

    /// capdo-scan.service and capdo-scan.timer, each after a line naming where it goes.
    public var systemdUnits: String {
        Self.service(executable: executable, config: config, writable: [output, Self.folder(of: history)]) + "\n"
            + Self.timer(hour: hour, minute: minute)
    }

    /// A comment line and the /etc/cron.d line.
    public var crontab: String {
        "# /etc/cron.d/capdo — daily level-2 scan (quiet unless non-compliant or failing; exit 3 = previous run still going)\n"
            + "\(minute) \(hour) * * * root \(executable) scan --config \(config) --history \(history) --quiet"
    }

    static func service(executable: String, config: String, writable: [String]) -> String {
        """
        # /etc/systemd/system/capdo-scan.service
        [Unit]
        Description=capdo level-2 (cấp độ 2) compliance scan
        Documentation=man:capdo(1)
        After=network-online.target

        [Service]
        Type=oneshot
        ExecStart=\(executable) scan --config \(config) --quiet
        # Exit 2 = non-compliant (reported, not a service failure); 3 = another run holds the lock.
        SuccessExitStatus=2 3
        Nice=10
        IOSchedulingClass=idle
        CPUSchedulingPolicy=batch
        ProtectSystem=strict
        ReadWritePaths=\(Array(Set(writable)).sorted().joined(separator: " "))
        PrivateTmp=yes
        NoNewPrivileges=yes
        ProtectHome=read-only

        """
    }

    static func timer(hour: Int, minute: Int) -> String {
        """
        # /etc/systemd/system/capdo-scan.timer   (enable: systemctl enable --now capdo-scan.timer)
        [Unit]
        Description=Daily capdo compliance scan

        [Timer]
        OnCalendar=*-*-* \(String(format: "%02d:%02d", hour, minute)):00
        RandomizedDelaySec=30min
        Persistent=true

        [Install]
        WantedBy=timers.target
        """
    }

    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    private static func folder(of path: String) -> String {
        URL(fileURLWithPath: path).deletingLastPathComponent().path
    }
}
