/// One table of section 6 in plain strings (the renderers escape every cell): a title, its headers, its rows and
/// an optional note under it.
struct LanTable: Equatable {
    var title: String
    var headers: [String]
    var rows: [[String]]
    var note: String?
}
