import Foundation
import Synchronization

/// Lets SIGINT/SIGTERM end a live capture early and cleanly, as Ctrl-C does for tcpdump: the packets so far are
/// analysed, the `--write` file is flushed and the reports are written. A second signal ends the process at once.
public enum CaptureInterruption {
    /// Set by the signal handler; read by the capture loop between polls (at most 100 ms apart).
    static let requested = Atomic<Bool>(false)

    /// Installs the handlers for the length of a live capture.
    static func install() {
        requested.store(false, ordering: .relaxed)
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber) { received in
                CaptureInterruption.requested.store(true, ordering: .relaxed)
                // The next signal of this kind gets the default action (terminate).
                signal(received, SIG_DFL)
            }
        }
    }

    /// Puts the default actions back once the capture has ended.
    static func restore() {
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    /// Whether a signal asked the current capture to stop.
    public static var wasRequested: Bool { requested.load(ordering: .relaxed) }
}
