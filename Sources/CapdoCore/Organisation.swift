/// The report header: who is assessed (configurable in capdo.yaml).
public struct Organisation: Codable, Sendable, Equatable {
    /// e.g. "ỦY BAN NHÂN DÂN PHƯỜNG LÊ CHÂN"
    public var name: String
    /// e.g. "PHÒNG VĂN HÓA – XÃ HỘI"
    public var department: String?
    public var address: String?
    /// The information system assessed, e.g. "Hệ thống thông tin nội bộ UBND phường".
    public var system: String?
    /// Document number code, place, inspection decision, signer and recipients (capdo.yaml `report:`).
    public var particulars: ReportParticulars?

    public init(name: String, department: String? = nil, address: String? = nil, system: String? = nil) {
        self.name = name
        self.department = department
        self.address = address
        self.system = system
    }

    enum CodingKeys: String, CodingKey {
        case name, department, address, system
        case particulars = "report"
    }

    public static let unspecified = Organisation(name: "")
}
