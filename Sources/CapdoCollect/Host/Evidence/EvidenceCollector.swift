import CapdoCore
import Foundation
import Yams

/// Reads the management-evidence folder's `index.yaml` (a host path outside the scanned root unless it is
/// inside it) and checks that each listed document exists.
public struct EvidenceCollector: Collector {
    public let id = "evidence"
    public let summary = "Management evidence documents listed in the evidence folder's index.yaml"

    public init() {}

    public func collect(in environment: HostEnvironment) async -> CollectorOutput {
        guard let folder = environment.evidenceFolder else { return CollectorOutput() }
        let reader = FileReader(root: URL(fileURLWithPath: folder).standardizedFileURL.path)
        guard reader.isDirectory("") else {
            return CollectorOutput(
                evidence: EvidenceFacts(folder: folder, documents: []),
                issues: [CollectionIssue(collector: id, file: folder, message: "evidence folder does not exist")])
        }
        let text: String
        do {
            text = try reader.readText("index.yaml", limit: 4 * 1024 * 1024)
        } catch {
            var issue = error.issue(collector: id)
            issue.file = folder + "/index.yaml"
            return CollectorOutput(evidence: EvidenceFacts(folder: folder, documents: []), issues: [issue])
        }
        let parsed = EvidenceIndexParser.parse(text, file: folder + "/index.yaml", collector: id)
        let documents = parsed.documents.map { document -> EvidenceDocument in
            var checked = document
            checked.exists = !document.path.isEmpty && reader.isRegularFile(document.path)
            return checked
        }
        return CollectorOutput(
            evidence: EvidenceFacts(folder: folder, index: "index.yaml", documents: documents), issues: parsed.issues)
    }
}
