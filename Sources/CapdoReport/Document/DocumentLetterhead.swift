/// The head of an administrative document (Decree 30/2020/NĐ-CP, Phụ lục I): issuing body and number on the left,
/// national name and motto on the right, then the place and date line.
struct DocumentLetterhead: Sendable, Equatable {
    /// The governing body, upper case, not bold ("ỦY BAN NHÂN DÂN PHƯỜNG LÊ CHÂN"); nil when the issuer stands alone.
    var parent: String?
    /// The issuing body, upper case, bold.
    var issuer: String
    /// "Số: …/BC-VHXH".
    var number: String
    var nationalName: String
    var motto: String
    /// "Lê Chân, ngày 28 tháng 11 năm 2026".
    var placeAndDate: String
}
