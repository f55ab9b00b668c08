/// A bounded HTTP/1.x response as `HTTPResponseParser` read it: status, cleaned headers, the start of the body.
struct HTTPResponse: Sendable, Equatable {
    var status: Int
    /// Header names in lower case, values with control characters replaced and cut; in the order received.
    var headers: [(name: String, value: String)]
    /// The first bytes of the body (at most the parser's limit).
    var body: [UInt8]
    /// The header block, a header value or the body was longer than read.
    var truncated: Bool

    /// Every value of header `name` (lower case).
    func values(_ name: String) -> [String] { headers.filter { $0.name == name }.map(\.value) }

    /// The first value of header `name` (lower case).
    func value(_ name: String) -> String? { headers.first { $0.name == name }?.value }

    static func == (lhs: HTTPResponse, rhs: HTTPResponse) -> Bool {
        lhs.status == rhs.status && lhs.body == rhs.body && lhs.truncated == rhs.truncated
            && lhs.headers.map(\.name) == rhs.headers.map(\.name)
            && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }
}
