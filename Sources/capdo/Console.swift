import Foundation

/// Terminal helpers: warnings to stderr, TTY detection.
enum Console {
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
}
