import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What a JUnit XML report says, read back with Foundation's XML parser (FoundationXML on Linux).
struct JUnitCounts: Equatable {
    /// One `<testsuite>`: its name, its count attributes and what its test cases actually hold.
    struct Suite: Equatable {
        var name: String
        var attributes: [String: Int]
        var testcases: Int
        var failures: Int
        var errors: Int
        var skipped: Int
        /// `classname` and `name` of each test case, in order.
        var cases: [String]
    }

    var rootAttributes: [String: Int]
    var suites: [Suite]

    /// Parses `xml`; nil when it is not well-formed or has no `<testsuites>` root.
    static func parse(_ xml: String) -> JUnitCounts? {
        guard let document = try? XMLDocument(data: Data(xml.utf8), options: []),
            let root = document.rootElement(), root.name == "testsuites"
        else { return nil }
        let suites = root.elements(forName: "testsuite").map { suite in
            let cases = suite.elements(forName: "testcase")
            func count(_ child: String) -> Int { cases.filter { !$0.elements(forName: child).isEmpty }.count }
            return Suite(
                name: suite.attribute(forName: "name")?.stringValue ?? "", attributes: numbers(suite),
                testcases: cases.count, failures: count("failure"), errors: count("error"), skipped: count("skipped"),
                cases: cases.map {
                    ($0.attribute(forName: "classname")?.stringValue ?? "") + " "
                        + ($0.attribute(forName: "name")?.stringValue ?? "")
                })
        }
        return JUnitCounts(rootAttributes: numbers(root), suites: suites)
    }

    private static func numbers(_ element: XMLElement) -> [String: Int] {
        var out: [String: Int] = [:]
        for key in ["tests", "failures", "errors", "skipped"] {
            if let value = element.attribute(forName: key)?.stringValue.flatMap(Int.init) { out[key] = value }
        }
        return out
    }
}
