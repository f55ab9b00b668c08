/// Anti-malware products seen on a host: ClamAV databases, a Microsoft Defender export, status files.
public struct AntivirusFacts: Codable, Sendable, Equatable {
    /// Every product that could be read, in source order (ClamAV first, then `etc/capdo/antivirus/*`).
    public var products: [AntivirusProduct]
    /// Files and directories looked at, relative to the root.
    public var sources: [String]

    public init(products: [AntivirusProduct] = [], sources: [String] = []) {
        self.products = products
        self.sources = sources
    }
}
