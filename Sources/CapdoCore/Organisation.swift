/// The report header: who is assessed (configurable in capdo.yaml).
public struct Organisation: Codable, Sendable, Equatable {
    /// e.g. "ỦY BAN NHÂN DÂN PHƯỜNG LÊ CHÂN"
    public var name: String
    /// e.g. "PHÒNG VĂN HÓA – XÃ HỘI"
    public var department: String?
    public var address: String?
    /// The information system assessed, e.g. "Hệ thống thông tin nội bộ UBND phường".
    public var system: String?

    public init(name: String, department: String? = nil, address: String? = nil, system: String? = nil) {
        self.name = name
        self.department = department
        self.address = address
        self.system = system
    }

    public static let unspecified = Organisation(name: "")
}
