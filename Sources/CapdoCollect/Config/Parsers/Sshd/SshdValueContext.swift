/// One keyword occurrence handed to `SshdValueFormatter`.
struct SshdValueContext {
    /// The keyword as written.
    var keyword: String
    /// The canonical lower-case keyword.
    var name: String
    var args: [String]
    var first: String
    /// The raw text after the keyword.
    var rest: String
}
