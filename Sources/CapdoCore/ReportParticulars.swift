/// What an administrative document needs beyond the organisation's name (capdo.yaml `report:`): the issuer's code
/// in the document number, the place in the date line, the inspection decision or plan, signer and recipients, and
/// the authorisation for LAN observation. Every field is optional; the report leaves a blank to fill by hand.
public struct ReportParticulars: Codable, Sendable, Equatable {
    /// The issuer's code in `Số: …/BC-VHXH`.
    public var code: String?
    /// The place in the date line ("Lê Chân, ngày …").
    public var place: String?
    /// The inspection decision or plan the report answers, one line each, cited as legal basis.
    public var basis: [String]
    /// The signer's title ("TRƯỞNG PHÒNG") and printed name.
    public var signerTitle: String?
    public var signerName: String?
    /// "Nơi nhận" lines.
    public var recipients: [String]
    /// The written authorisation for LAN observation and scanning, cited in the Police report.
    public var lanAuthorisation: String?

    public init(
        code: String? = nil, place: String? = nil, basis: [String] = [], signerTitle: String? = nil,
        signerName: String? = nil, recipients: [String] = [], lanAuthorisation: String? = nil
    ) {
        self.code = code
        self.place = place
        self.basis = basis
        self.signerTitle = signerTitle
        self.signerName = signerName
        self.recipients = recipients
        self.lanAuthorisation = lanAuthorisation
    }

    enum CodingKeys: String, CodingKey {
        case code, place, basis
        case signerTitle = "signer_title"
        case signerName = "signer_name"
        case recipients
        case lanAuthorisation = "lan_authorisation"
    }
}
