import ArgumentParser
import CapdoApp

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
        let parts = time.split(separator: ":").map { Int($0)! }
        let schedule = Schedule(executable: executable, config: config, hour: parts[0], minute: parts[1])
        print(systemd ? schedule.systemdUnits : schedule.crontab)
    }
}
