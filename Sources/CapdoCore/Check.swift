/// A rule's condition: typed resource checks combined with `all` / `any` / `none`.
public indirect enum Check: Sendable, Hashable {
    case all([Check])
    case any([Check])
    case none([Check])
    case resource(ResourceCheck)
}
