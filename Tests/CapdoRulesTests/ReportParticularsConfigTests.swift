import CapdoCore
import Foundation
import Testing

@testable import CapdoRules

/// capdo.yaml `report:`: the particulars of the administrative documents, read strictly.
@Suite("capdo.yaml report particulars")
struct ReportParticularsConfigTests {
    func load(_ yaml: String) throws -> CapdoConfig {
        let path = FileManager.default.temporaryDirectory.appending(path: "capdo-report-\(UUID().uuidString).yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try CapdoConfigLoader.load(path: path)
    }

    @Test func everyFieldIsRead() throws {
        let config = try load(
            """
            organisation: { name: "UBND PHƯỜNG", department: "PHÒNG VH-XH" }
            report:
              code: VHXH
              place: Lê Chân
              basis: ["Kế hoạch số 12/KH-UBND"]
              signer: { title: "TRƯỞNG PHÒNG", name: "Nguyễn Văn A" }
              recipients: ["Lưu: VT."]
              lan_authorisation: "Văn bản số 5/UBND"
            """)
        let particulars = try #require(config.organisation?.particulars)
        #expect(
            particulars
                == ReportParticulars(
                    code: "VHXH", place: "Lê Chân", basis: ["Kế hoạch số 12/KH-UBND"], signerTitle: "TRƯỞNG PHÒNG",
                    signerName: "Nguyễn Văn A", recipients: ["Lưu: VT."], lanAuthorisation: "Văn bản số 5/UBND"))
        #expect(config.organisation?.department == "PHÒNG VH-XH")
    }

    @Test func anUnknownKeyIsNamedWithItsLine() throws {
        #expect {
            _ = try load("report:\n  code: VHXH\n  signr: { title: X }\n")
        } throws: { error in
            "\(error)".contains(":3:") && "\(error)".contains("unknown key 'signr' in report")
        }
    }

    @Test func theSampleConfigurationCarriesParticulars() throws {
        let sample = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "../../Samples/capdo.yaml")
        let config = try CapdoConfigLoader.load(path: sample.standardizedFileURL.path)
        #expect(config.organisation?.particulars?.code == "VHXH")
        #expect(config.organisation?.particulars?.recipients.isEmpty == false)
    }
}
