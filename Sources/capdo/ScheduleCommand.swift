import ArgumentParser
import CapdoRules
import Foundation

/// `capdo schedule`: prints ready systemd unit files or a crontab line for scheduled scans.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Print a systemd service + timer pair, or a crontab line, that runs capdo scan daily.",
        discussion: """
            Nothing is installed: copy the output into place. capdo takes its own lock next to the history
            database, so an overlapping run exits with code 3 instead of scanning twice (no flock wrapper needed).

            Examples:
              capdo schedule --systemd --config /etc/capdo/capdo.yaml
              capdo schedule --cron --config /etc/capdo/capdo.yaml --time 02:30
            """)

    @Flag(name: .long, help: "Print capdo-scan.service and capdo-scan.timer.")
    var systemd = false

    @Flag(name: .long, help: "Print a crontab line.")
    var cron = false

    @Option(name: .long, help: "Configuration file the scheduled scan uses.")
    var config = "/etc/capdo/capdo.yaml"

    @Option(name: .long, help: "Time of day (HH:MM, local time).")
    var time = "02:30"

    @Option(name: .long, help: "Path of the capdo executable.")
    var executable = "/usr/local/bin/capdo"

    func validate() throws {
        guard systemd != cron else { throw ValidationError("choose exactly one of --systemd or --cron") }
        let parts = time.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour),
            (0..<60).contains(minute)
        else { throw ValidationError("--time must be HH:MM") }
    }

    func run() throws {
        var output = "/var/lib/capdo/reports"
        var history = "/var/lib/capdo/history.sqlite"
        if FileManager.default.fileExists(atPath: config), let loaded = try? CapdoConfigLoader.load(path: config) {
            output = loaded.output.map(absolute) ?? output
            history = loaded.history.map(absolute) ?? history
        }
        let parts = time.split(separator: ":").map { Int($0)! }
        if systemd {
            print(Self.service(executable: executable, config: config, writable: [output, folder(of: history)]))
            print(Self.timer(hour: parts[0], minute: parts[1]))
        } else {
            print(
                "# /etc/cron.d/capdo — daily level-2 scan (quiet unless non-compliant or failing; exit 3 = previous run still going)"
            )
            print(
                "\(parts[1]) \(parts[0]) * * * root \(executable) scan --config \(config) --history \(history) --quiet")
        }
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

    private func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    private func folder(of path: String) -> String { URL(fileURLWithPath: path).deletingLastPathComponent().path }
}
