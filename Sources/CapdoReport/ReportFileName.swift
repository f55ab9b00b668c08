/// File names the reports are written under, shared by the writer and the links between reports.
public enum ReportFileName {
    /// `name` with every character that is not a letter, digit, `-`, `_` or `.` replaced by `_`, without leading or
    /// trailing dots; `host` when nothing is left.
    public static func safe(_ name: String) -> String {
        let mapped = name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" }
        let trimmed = String(mapped).drop { $0 == "." }.reversed().drop { $0 == "." }.reversed()
        return trimmed.isEmpty ? "host" : String(trimmed)
    }

    /// A host's detail report inside the fleet report's detail folder: `<folder>/<safe host>.<ext>`.
    public static func hostDetail(folder: String, host: String, fileExtension: String) -> String {
        folder + "/" + safe(host) + "." + fileExtension
    }

    /// A fleet summary's detail folder `<stem>-hosts`, and its host index beside it (`<stem>-hosts.<ext>`).
    public static func hostIndex(stem: String) -> String {
        stem + "-hosts"
    }
}
