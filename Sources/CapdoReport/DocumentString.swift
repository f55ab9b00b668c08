import CapdoCore

/// The fixed texts of the administrative documents (inspection report, fix list, Police LAN report), in Vietnamese
/// and English; templates take `{0}`, `{1}`… like `ReportString`.
enum DocumentString: String, CaseIterable, Sendable, TextCatalogue {
    // Form of the document (Decree 30/2020/NĐ-CP)
    case numberLine, basisDecree85, basisCircular12, basisTCVN, basisDecision, newRegimeReference, referenceOnly
    case recipientsTitle, recipientOwner, recipientFile, onBehalfOf, contents, appendixNumber
    // Inspection report
    case conclusionHeading, countsLine, actionsHeading, columnFinding, moreActions, columnChecks, columnHostsOpen
    case fixesHeading, fixesIntro, hostNothingToFix, limitsHeading, noLimits, recommendationsSection
    case confirmationHeading, confirmationText, ownerRepresentative, detailIntro
    case appendixThresholds, appendixFindings, appendixHosts, coverageLegend
    case limitOffline, limitIssues, limitNoCapture, limitNoTLS, limitBackupTimes, limitReason
    case checkOne, checkMany, hostOne, hostMany, issueOne, issueMany, waiversSummary
    // Fix list
    case fixListTitle, fixListSubtitle, fixListIntro
    // Police LAN and TLS report
    case policeTitle, policeSubtitle, policeObservation, policeFindings, policeTLS, policeSegment, policeSensor
    case policeWindow, policePackets, policeAuthorisation, policeNoAuthorisation, policeZone, policeZoneText
    case policeSensorInterface, policeSensorScan, policeSensorFile, policeNoCapture, policeNoFindings
    case tlsAccepted, tlsRefused, tlsSelfSigned, tlsEndpoint, tlsUntested
}

/// `DocumentString`'s own overloads (beside `TextCatalogue`'s generic ones) let call sites write `.checkOne` for a key.
extension ReportStrings {
    subscript(_ key: DocumentString) -> String {
        key.text.text(language)
    }

    /// Fills `{0}`, `{1}`… of a document template, left to right.
    func format(_ key: DocumentString, _ arguments: String...) -> String {
        Self.fill(self[key], arguments)
    }

    /// "1 check" / "3 checks" ("3 kiểm tra").
    func checks(_ count: Int) -> String {
        format(count == 1 ? .checkOne : .checkMany, String(count))
    }

    /// "1 host" / "3 hosts" ("3 máy").
    func hosts(_ count: Int) -> String {
        format(count == 1 ? .hostOne : .hostMany, String(count))
    }
}

extension DocumentString {
    // swiftlint:disable:next function_body_length cyclomatic_complexity
    static func pair(_ key: DocumentString) -> (vi: String, en: String) {
        switch key {
        case .numberLine: return ("Số: …… /{0}-{1}", "No.: …… /{0}-{1}")
        case .basisDecree85:
            return (
                "Căn cứ Nghị định số 85/2016/NĐ-CP ngày 01/07/2016 của Chính phủ về bảo đảm an toàn hệ thống thông tin "
                    + "theo cấp độ;",
                "Having regard to Decree 85/2016/ND-CP of 01/07/2016 on information system security by level;"
            )
        case .basisCircular12:
            return (
                "Căn cứ Thông tư số 12/2022/TT-BTTTT ngày 12/08/2022 của Bộ trưởng Bộ Thông tin và Truyền thông, "
                    + "Điều 11 và Điều 12 (nội dung kiểm tra, đánh giá) và Phụ lục II (yêu cầu an toàn cấp độ 2);",
                "Having regard to Circular 12/2022/TT-BTTTT of 12/08/2022 of the Minister of Information and "
                    + "Communications, Articles 11 and 12 (inspection and assessment) and Annex II (level-2 requirements);"
            )
        case .basisTCVN:
            return (
                "Căn cứ TCVN 11930:2017, điều 6 (yêu cầu cơ bản về an toàn hệ thống thông tin cấp độ 2);",
                "Having regard to TCVN 11930:2017, clause 6 (baseline requirements for level-2 systems);"
            )
        case .basisDecision: return ("Căn cứ {0};", "Having regard to {0};")
        case .newRegimeReference:
            return (
                "Nghị định 331/2026/NĐ-CP và TCVN 14423:2026: mã điều khoản chỉ ghi kèm để tham chiếu, chưa áp dụng "
                    + "chính thức; không phải căn cứ của văn bản này.",
                "Decree 331/2026/ND-CP and TCVN 14423:2026: clause ids are given for reference only, not yet in force; "
                    + "they are not a basis of this document."
            )
        case .referenceOnly: return ("tham chiếu, chưa áp dụng chính thức", "reference, not yet in force")
        case .recipientsTitle: return ("Nơi nhận:", "Recipients:")
        case .recipientOwner: return ("{0} (để biết, chỉ đạo khắc phục);", "{0} (for information and remediation);")
        case .recipientFile: return ("Lưu: VT, {0}.", "File: records office, {0}.")
        case .onBehalfOf: return ("ĐẠI DIỆN", "ON BEHALF OF")
        case .contents: return ("Mục lục", "Contents")
        case .appendixNumber: return ("Phụ lục {0}.", "Appendix {0}.")
        case .conclusionHeading: return ("Kết luận", "Conclusion")
        case .countsLine: return ("Số kết quả kiểm tra: {0}.", "Check results: {0}.")
        case .actionsHeading: return ("Các phát hiện cần xử lý", "Findings that need action")
        case .columnFinding: return ("Phát hiện", "Finding")
        case .moreActions:
            return (
                "Và {0} phát hiện khác cần xử lý: xem mục 3 (theo từng máy) và Phụ lục B (bằng chứng).",
                "And {0} more findings that need action: see section 3 (per host) and Appendix B (evidence)."
            )
        case .columnChecks: return ("Kiểm tra", "Checks")
        case .columnHostsOpen: return ("Máy chưa đạt", "Hosts not yet meeting it")
        case .fixesHeading: return ("Việc cần khắc phục theo từng máy", "What to fix, per host")
        case .fixesIntro:
            return (
                "Đánh dấu ô khi đã khắc phục; kiểm tra lại sau khi khắc phục. Bằng chứng chi tiết ở Phụ lục B; "
                    + "kế hoạch khắc phục (người phụ trách, thời hạn) là tài liệu riêng.",
                "Tick each box when fixed, then scan again. Full evidence is in Appendix B; the remediation plan "
                    + "(owner, deadline) is a separate document."
            )
        case .hostNothingToFix: return ("Không có việc cần khắc phục trên máy này.", "Nothing to fix on this host.")
        case .limitsHeading: return ("Giới hạn của lần kiểm tra", "Limits of this inspection")
        case .noLimits: return ("Không có giới hạn nào được ghi nhận.", "No limit was recorded.")
        case .recommendationsSection: return ("Kiến nghị", "Recommendations")
        case .confirmationHeading: return ("XÁC NHẬN CỦA CHỦ QUẢN HỆ THỐNG", "CONFIRMATION BY THE SYSTEM OWNER")
        case .confirmationText:
            return (
                "Đã nhận báo cáo; thống nhất với kết quả kiểm tra và chỉ đạo khắc phục theo kế hoạch.",
                "Report received; the results are accepted and remediation will follow the plan."
            )
        case .ownerRepresentative: return ("ĐẠI DIỆN CHỦ QUẢN HỆ THỐNG", "FOR THE SYSTEM OWNER")
        case .detailIntro:
            return (
                "Các phát hiện Không đạt, Lỗi, Cảnh báo, Cần xác nhận và Miễn trừ, xếp theo mức độ nghiêm trọng, với "
                    + "bằng chứng (yêu cầu, thực tế, vị trí) và cách khắc phục.",
                "Failed, error, warning, attestation and waived findings by severity, with their evidence (expected, "
                    + "found, where) and remediation."
            )
        case .appendixThresholds:
            return ("Ngưỡng áp dụng, bộ quy tắc và điều khoản", "Thresholds, rule set and clauses")
        case .appendixFindings: return ("Bằng chứng của các phát hiện", "Evidence of the findings")
        case .appendixHosts: return ("Máy được kiểm tra và quá trình thu thập", "Hosts inspected and collection")
        case .limitOffline:
            return (
                "Quét ngoại tuyến thư mục gốc hoặc bản chụp ({0}): không đọc được cổng đang mở, tham số sysctl đang "
                    + "chạy và tiến trình; giá trị lấy từ tệp cấu hình.",
                "Offline root or snapshot ({0}): open sockets, runtime sysctl values and processes could not be read; "
                    + "values come from configuration files."
            )
        case .limitIssues:
            return (
                "{0}: {1} ({2}); xem Phụ lục D.",
                "{0}: {1} ({2}); see Appendix D."
            )
        case .limitNoCapture:
            return (
                "Không có bản ghi gói tin hay quét mạng LAN: {0} quy tắc về mạng chưa được đánh giá.",
                "No LAN capture or scan: {0} network rules were not assessed."
            )
        case .limitNoTLS:
            return (
                "Không thử kết nối TLS tới dịch vụ nào: các quy tắc về dịch vụ TLS chưa được đánh giá.",
                "No TLS service was probed: the rules on TLS services were not assessed."
            )
        case .limitBackupTimes:
            return (
                "Tuổi bản sao lưu ({0}) tính theo thời điểm sửa đổi của tệp sao lưu mới nhất, không theo nhật ký của "
                    + "phần mềm sao lưu.",
                "Backup age ({0}) is judged from the modification time of the newest backup file, not from the backup "
                    + "software's log."
            )
        case .limitReason: return ("{0} — {1} ({2}).", "{0} — {1} ({2}).")
        case .fixListTitle: return ("KẾ HOẠCH KHẮC PHỤC", "REMEDIATION PLAN")
        case .fixListSubtitle:
            return (
                "Các tồn tại phát hiện qua kiểm tra an toàn hệ thống thông tin cấp độ 2 (kèm theo Báo cáo kiểm tra "
                    + "ngày {0})",
                "Findings of the level-2 information system security inspection (annex to the inspection report of {0})"
            )
        case .fixListIntro:
            return (
                "Mỗi dòng là một phát hiện cần xử lý trên một máy, với cách khắc phục cho hệ điều hành của máy đó. "
                    + "Đơn vị ghi người phụ trách và thời hạn khi phê duyệt kế hoạch; kiểm tra lại sau khi khắc phục.",
                "One row per finding that needs action on a host, with the fix for that host's operating system. "
                    + "The owner and deadline are filled in when the plan is approved; scan again after fixing."
            )
        case .policeTitle: return ("BÁO CÁO GIÁM SÁT MẠNG LAN VÀ DỊCH VỤ TLS", "LAN AND TLS OBSERVATION REPORT")
        case .policeSubtitle:
            return (
                "Gửi lực lượng an ninh mạng Công an phường: máy, dịch vụ và rủi ro quan sát được trên mạng nội bộ",
                "For the ward Police cyber-security team: hosts, services and risks seen on the local network"
            )
        case .policeObservation: return ("Thời gian, vị trí và căn cứ quan sát", "When, where and under what authority")
        case .policeFindings: return ("Các phát hiện cần xử lý", "Findings that need action")
        case .policeTLS: return ("Giao thức TLS theo từng dịch vụ", "TLS protocols per endpoint")
        case .policeSegment: return ("Đoạn mạng", "Segment")
        case .policeSensor: return ("Cảm biến", "Sensor")
        case .policeWindow: return ("Thời gian quan sát", "Observation window")
        case .policePackets: return ("Gói tin", "Packets")
        case .policeAuthorisation: return ("Văn bản cho phép", "Authorisation")
        case .policeNoAuthorisation:
            return (
                "(chưa khai báo: ghi số văn bản cho phép giám sát trong capdo.yaml, report.lan_authorisation)",
                "(not given: set the authorisation reference in capdo.yaml, report.lan_authorisation)"
            )
        case .policeZone: return ("Giả định vùng mạng", "Zone assumption")
        case .policeZoneText:
            return (
                "Mọi địa chỉ quan sát được trên đoạn mạng này được coi là thuộc mạng nội bộ của đơn vị (một vùng, "
                    + "không tách vùng máy chủ và máy trạm); dịch vụ mở trên đoạn mạng này coi là phơi bày với mọi máy "
                    + "trong vùng.",
                "Every address seen on this segment is taken to be in the unit's internal network (one zone, servers "
                    + "and workstations not separated); a service open on it is taken to be exposed to every host in "
                    + "the zone."
            )
        case .policeSensorInterface:
            return ("giao diện mạng {0} (bắt gói trực tiếp)", "network interface {0} (live capture)")
        case .policeSensorScan: return ("quét chủ động các mục tiêu được giao", "active scan of the assigned targets")
        case .policeSensorFile:
            return ("tệp bản ghi gói tin {0} (kiểu liên kết {1})", "capture file {0} (link type {1})")
        case .policeNoCapture:
            return (
                "Không có bản ghi gói tin hay quét mạng LAN trong lần kiểm tra này.",
                "No LAN capture or scan in this inspection."
            )
        case .policeNoFindings:
            return ("Không có phát hiện nào về mạng hoặc TLS cần xử lý.", "No LAN or TLS finding needs action.")
        case .tlsAccepted: return ("chấp nhận", "accepted")
        case .tlsRefused: return ("từ chối", "refused")
        case .tlsSelfSigned: return ("tự ký", "self-signed")
        case .tlsEndpoint: return ("Dịch vụ (IP:cổng)", "Endpoint (IP:port)")
        case .tlsUntested: return ("Không thử được", "Not testable")
        case .waiversSummary:
            return (
                "{0} miễn trừ đang có hiệu lực ({1} được áp dụng cho kết quả của lần kiểm tra này), {2} miễn trừ đã "
                    + "hết hạn; danh sách ở phụ lục Miễn trừ.",
                "{0} waivers in force ({1} applied to results of this inspection), {2} expired; the list is in the "
                    + "Waivers appendix."
            )
        case .issueOne: return ("{0} sự cố khi thu thập dữ liệu", "{0} collection issue")
        case .issueMany: return ("{0} sự cố khi thu thập dữ liệu", "{0} collection issues")
        case .coverageLegend:
            return (
                "Cách kiểm tra của mục: Tự động khi mọi quy tắc của mục được capdo chứng minh từ dữ liệu thu thập; Tự "
                    + "động một phần khi phần còn lại cần người kiểm tra xem xét; Thủ công khi mục chỉ đánh giá được "
                    + "qua hồ sơ. Mỗi quy tắc ở Phụ lục A ghi kèm: tự động (capdo chứng minh kết quả), một phần (capdo "
                    + "kiểm chứng một phần yêu cầu), chứng thực (capdo chỉ kiểm tra hồ sơ được khai báo: có, đúng loại, "
                    + "còn hạn; nội dung do người kiểm tra xác nhận).",
                "Item coverage: Automated when capdo proves every rule of the item from collected data; Partly "
                    + "automated when the rest needs the inspector's review; Manual when the item can only be judged "
                    + "from documents. Each rule in Appendix A is marked automated (capdo proves the result), partial "
                    + "(capdo checks part of the requirement) or attestation (capdo checks only that the declared "
                    + "document exists, is of the right kind and is current; its content is for the inspector to "
                    + "confirm)."
            )
        case .checkOne: return ("{0} kiểm tra", "{0} check")
        case .checkMany: return ("{0} kiểm tra", "{0} checks")
        case .hostOne: return ("{0} máy", "{0} host")
        case .hostMany: return ("{0} máy", "{0} hosts")
        }
    }
}
