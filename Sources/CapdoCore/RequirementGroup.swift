/// The report's scoring groups (level2-requirements.md §4 heading 3).
public enum RequirementGroup: String, Codable, Sendable, CaseIterable {
    case network, server, application, data, management

    public var title: LocalizedText {
        switch self {
        case .network: return LocalizedText(vi: "Mạng", en: "Network")
        case .server: return LocalizedText(vi: "Máy chủ, máy trạm", en: "Servers and workstations")
        case .application: return LocalizedText(vi: "Ứng dụng", en: "Applications")
        case .data: return LocalizedText(vi: "Dữ liệu", en: "Data")
        case .management: return LocalizedText(vi: "Quản lý", en: "Management")
        }
    }
}
