/// A class of weak cipher suites the probe asks about, with its OpenSSL cipher-string selector.
struct WeakSuiteClass: Sendable {
    var key: String
    var selector: String

    static let all: [WeakSuiteClass] = [
        WeakSuiteClass(key: "null", selector: "eNULL"),
        WeakSuiteClass(key: "export", selector: "EXPORT"),
        WeakSuiteClass(key: "rc4", selector: "RC4"),
        WeakSuiteClass(key: "3des", selector: "3DES"),
        WeakSuiteClass(key: "anonymous", selector: "aNULL"),
    ]

    /// Does a negotiated suite belong to this class?
    func contains(cipher: String, noEncryption: Bool, noAuthentication: Bool) -> Bool {
        switch key {
        case "null": return noEncryption
        case "anonymous": return noAuthentication
        case "export": return cipher.hasPrefix("EXP")
        case "rc4": return cipher.contains("RC4")
        case "3des": return cipher.contains("DES-CBC3")
        default: return false
        }
    }
}
