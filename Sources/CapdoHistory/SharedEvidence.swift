import CapdoCore
import GRDB

/// The `evidence` rows of one recording transaction: each distinct evidence text is looked up or inserted once,
/// then its id is reused for every finding that carries the same text (schema v3-shared-evidence). Texts are told
/// apart by their bytes, not by `Evidence` equality, which would merge canonically equivalent Unicode spellings.
struct SharedEvidence {
    let insert: Statement
    let select: Statement
    private var ids: [[UInt8]: Int64] = [:]

    init(insert: Statement, select: Statement) {
        self.insert = insert
        self.select = select
    }

    /// The id of the row holding `body` (evidence JSON); `found` is built only for a text not yet seen.
    mutating func id(of body: [UInt8], found: () -> String) throws -> Int64 {
        if let id = ids[body] { return id }
        let text = String(decoding: body, as: UTF8.self)
        let digest = SHA256.hex(of: body)
        insert.setUncheckedArguments([digest, found(), text])
        try insert.execute()
        select.setUncheckedArguments([digest])
        guard let id = try Int64.fetchOne(select) else {
            throw HistoryError("evidence row for digest \(digest) missing after insert")
        }
        ids[body] = id
        return id
    }
}
