/// What a parser's issue message may quote of the file it read: never a line, and a word only when it is shaped
/// like a keyword. Any configuration file may hold secrets or be a symbolic link to one (`etc/sudoers` pointing at
/// `etc/shadow`, a unit file pointing at a private key), and issues are copied into every report; so messages give
/// the file, the line number and the reason, and quote only words no hash, key or password line looks like.
enum IssueQuote {
    /// The longest word quoted: configuration keywords are short, key and hash lines are not.
    static let maximumLength = 40

    /// ` 'PermitRootLogn'` (with its leading space) when `word` is a plausible keyword — 1 to 40 ASCII letters,
    /// `_` or `-`, starting with a letter — else the empty string, so the message reads well either way.
    static func keyword(_ word: some StringProtocol) -> String {
        guard let first = word.utf8.first, isLetter(first),
            word.utf8.count <= maximumLength,
            word.utf8.allSatisfy({ isLetter($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") })
        else { return "" }
        return " '\(word)'"
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
