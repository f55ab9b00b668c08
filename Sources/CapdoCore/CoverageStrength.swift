/// How strongly one rule covers a Phụ lục II item.
public enum CoverageStrength: String, Codable, Sendable, CaseIterable {
    /// The rule alone judges what the item asks, from collected facts.
    case automated
    /// The rule judges a part of the item (or judges it only when some facts are present, such as a capture);
    /// the rest needs other rules or an attestation.
    case partial
    /// The rule asks for a document or a statement: a person attests it.
    case attestation
}
