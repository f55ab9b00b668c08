/// Splits configuration text into numbered lines; `\n`, `\r\n` and a lone `\r` end a line.
///
/// Swift treats `\r\n` as one `Character`, so splitting on `"\n"` alone would glue CRLF lines together.
enum ConfigLines {
    static func split(_ text: String) -> [(number: Int, text: Substring)] {
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        return lines.enumerated().map { ($0.offset + 1, $0.element) }
    }
}
