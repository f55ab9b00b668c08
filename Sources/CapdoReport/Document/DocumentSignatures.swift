/// The foot of an administrative document: recipients on the left, the signer on the right (or two signers).
struct DocumentSignatures: Sendable, Equatable {
    /// One column of the foot.
    enum Column: Sendable, Equatable {
        /// "Nơi nhận:" and its list.
        case recipients(title: String, [String])
        /// A signature: optional date line, title lines (bold), the hint, the space to sign, the printed name.
        case signer(date: String?, titles: [String], hint: String, name: String?)
    }

    var columns: [Column]
}
