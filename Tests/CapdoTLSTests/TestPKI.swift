import Foundation

/// Certificates generated with the openssl CLI in a temporary folder: a root, an intermediate and odd leaves.
struct TestPKI: Sendable {
    let directory: String

    /// The leaves every test can use: name → how it was made.
    static let leaves: [Leaf] = [
        Leaf(name: "valid", key: "ec", days: (-1, 365)),
        Leaf(name: "expiring", key: "ec", days: (-300, 10)),
        Leaf(name: "expired", key: "ec", days: (-400, -5)),
        Leaf(name: "notyet", key: "ec", days: (10, 400)),
        Leaf(name: "rsa1024", key: "rsa:1024", days: (-1, 365)),
        Leaf(name: "rsa2048", key: "rsa:2048", days: (-1, 365)),
        Leaf(name: "sha1", key: "ec", days: (-1, 365), digest: "sha1"),
        Leaf(name: "wronghost", key: "ec", days: (-1, 365), sans: "DNS:wrong.example"),
        Leaf(name: "selfsigned", key: "ec", days: (-1, 365), selfSigned: true),
        Leaf(name: "ed448", key: "ed448", days: (-1, 365)),
    ]

    struct Leaf: Sendable {
        var name: String
        var key: String
        var days: (Int, Int)
        var digest = "sha256"
        var sans = "DNS:localhost,IP:127.0.0.1"
        var selfSigned = false
    }

    /// One shared PKI for the whole test run (generation takes about a second).
    static let shared: Result<TestPKI, OpenSSLCLI.Failure> = {
        do {
            return .success(try TestPKI.make())
        } catch {
            return .failure(OpenSSLCLI.Failure(description: "\(error)"))
        }
    }()

    static func get() throws -> TestPKI { try shared.get() }

    func path(_ name: String) -> String { directory + "/" + name }
    func cert(_ name: String) -> String { path("\(name).pem") }
    func key(_ name: String) -> String { path("\(name).key") }
    /// Leaf followed by the intermediate (what a correctly configured server sends).
    func chain(_ name: String) -> String { path("\(name)-chain.pem") }
    var root: String { path("root.pem") }
    var intermediate: String { path("intermediate.pem") }

    static func make() throws -> TestPKI {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("capdo-pki-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: directory + "/newcerts", withIntermediateDirectories: true)
        let pki = TestPKI(directory: directory)
        try """
        [ca]
        default_ca = ca_default
        [ca_default]
        database = index.txt
        new_certs_dir = newcerts
        serial = serial
        default_md = sha256
        policy = policy_any
        unique_subject = no
        copy_extensions = none
        [policy_any]
        commonName = supplied
        organizationName = optional
        [v3_ca]
        basicConstraints = critical,CA:TRUE
        keyUsage = critical,keyCertSign,cRLSign
        subjectKeyIdentifier = hash
        authorityKeyIdentifier = keyid
        """.write(toFile: pki.path("ca.cnf"), atomically: true, encoding: .utf8)
        try "".write(toFile: pki.path("index.txt"), atomically: true, encoding: .utf8)
        try "1000\n".write(toFile: pki.path("serial"), atomically: true, encoding: .utf8)
        let run = { (arguments: [String]) throws in try OpenSSLCLI.run(arguments, in: directory) }
        // Root (self-signed via req -x509) and intermediate (signed by the root with `openssl ca`).
        try run([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "root.key", "-out", "root.pem", "-days", "3650",
            "-subj", "/O=Capdo Test/CN=Capdo Test Root", "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        ])
        try run([
            "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
            "intermediate.key",
            "-out", "intermediate.csr", "-subj", "/O=Capdo Test/CN=Capdo Test Intermediate",
        ])
        try run([
            "ca", "-batch", "-config", "ca.cnf", "-cert", "root.pem", "-keyfile", "root.key", "-in", "intermediate.csr",
            "-out", "intermediate.pem", "-days", "1825", "-extensions", "v3_ca", "-notext",
        ])
        for leaf in leaves {
            try pki.make(leaf)
        }
        return pki
    }

    private func make(_ leaf: Leaf) throws {
        let run = { (arguments: [String]) throws in try OpenSSLCLI.run(arguments, in: directory) }
        var keyArguments: [String]
        switch leaf.key {
        case "ec": keyArguments = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"]
        case "ed448": keyArguments = ["-newkey", "ed448"]
        default: keyArguments = ["-newkey", leaf.key]
        }
        try run(
            ["req", "-new"] + keyArguments + [
                "-nodes", "-utf8", "-keyout", "\(leaf.name).key", "-out", "\(leaf.name).csr",
                "-subj", "/O=Phường Lê Chân/CN=\(leaf.name).capdo.test",
            ])
        let extensions = """
            [leaf]
            basicConstraints = CA:FALSE
            keyUsage = critical,digitalSignature,keyEncipherment
            extendedKeyUsage = serverAuth
            subjectAltName = \(leaf.sans)
            """
        try extensions.write(toFile: path("\(leaf.name).ext"), atomically: true, encoding: .utf8)
        var arguments = [
            "ca", "-batch", "-config", "ca.cnf", "-in", "\(leaf.name).csr", "-out", "\(leaf.name).pem",
            "-startdate", Self.stamp(days: leaf.days.0), "-enddate", Self.stamp(days: leaf.days.1),
            "-extfile", "\(leaf.name).ext", "-extensions", "leaf", "-notext", "-utf8",
        ]
        // Ed448 signs with its own intrinsic hash; `-md` must be left out.
        if leaf.key != "ed448" { arguments += ["-md", leaf.digest] }
        if leaf.selfSigned {
            arguments += ["-selfsign", "-keyfile", "\(leaf.name).key"]
        } else {
            arguments += ["-cert", "intermediate.pem", "-keyfile", "intermediate.key"]
        }
        try run(arguments)
        let leafText = try String(contentsOfFile: cert(leaf.name), encoding: .utf8)
        let intermediateText = try String(contentsOfFile: intermediate, encoding: .utf8)
        try (leafText + (leaf.selfSigned ? "" : intermediateText)).write(
            toFile: chain(leaf.name), atomically: true, encoding: .utf8)
    }

    /// `YYYYMMDDHHMMSSZ` for now + days (whole seconds dropped to the minute).
    static func stamp(days: Int) -> String {
        let date = Date(timeIntervalSinceNow: Double(days) * 86_400)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d%02d%02d%02d%02d00Z", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }
}
