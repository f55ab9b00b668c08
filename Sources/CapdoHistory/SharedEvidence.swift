import CapdoCore
import GRDB

/// The `evidence` rows of one recording transaction: each distinct evidence text is looked up or inserted once,
/// then its id is reused for every finding that carries the same text (schema v3-shared-evidence). Texts are told
/// apart by their bytes, not by `Evidence` equality, which would merge canonically equivalent Unicode spellings.
struct SharedEvidence {
    let insert: Statement
    let select: Statement
    private var ids: [Bytes: Int64] = [:]

    /// Evidence JSON as a dictionary key, hashed in one pass over its bytes (an array of bytes hashes byte by byte).
    private struct Bytes: Hashable {
        let bytes: [UInt8]

        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    init(insert: Statement, select: Statement) {
        self.insert = insert
        self.select = select
    }

    /// The id of the row holding `body` (evidence JSON); `found` is built only for a text not yet seen.
    mutating func id(of body: [UInt8], found: () -> String) throws -> Int64 {
        if let id = ids[Bytes(bytes: body)] { return id }
        let text = String(decoding: body, as: UTF8.self)
        let digest = SHA256.hex(of: body)
        insert.setUncheckedArguments([digest, found(), text])
        try insert.execute()
        select.setUncheckedArguments([digest])
        guard let id = try Int64.fetchOne(select) else {
            throw CapdoError(.history, "evidence row for digest \(digest) missing after insert")
        }
        ids[Bytes(bytes: body)] = id
        return id
    }
}
