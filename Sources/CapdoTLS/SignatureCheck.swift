/// What checking a detached CMS signature found.
public struct SignatureCheck: Sendable, Equatable {
    /// The signature is a CMS SignedData whose signature matches the content.
    public var matches: Bool
    /// The signer's certificate chains to one of the trusted certificates (false when none were given).
    public var signerTrusted: Bool
    /// The signer certificate's subject (`CN = …, O = …`) when the signature could be read.
    public var signer: String?
    /// Why the check failed (OpenSSL's reason), nil when it passed.
    public var reason: String?

    public init(matches: Bool, signerTrusted: Bool, signer: String?, reason: String?) {
        self.matches = matches
        self.signerTrusted = signerTrusted
        self.signer = signer
        self.reason = reason
    }
}
