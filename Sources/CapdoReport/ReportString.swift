import CapdoCore

/// Every fixed text of every report, in Vietnamese and English: the one catalogue renderers read from.
///
/// Templates carry positional placeholders `{0}`, `{1}`… filled by `ReportStrings.format(_:_:)`. Renderers never
/// hold user-visible literals of their own; status and severity labels live here too.
public enum ReportString: String, CaseIterable, Sendable {
    // Document header
    case nationalName, nationalMotto, reportTitle, reportSubtitleLegacy, reportSubtitleOther, dateLine
    case organisationUnspecified, systemLabel, scanTimeLabel, scopeLabel, profileLabel, ruleSetLabel, regimeLabel
    case regimeLegacy, scannerLabel, ruleCount, digestLabel, timeZoneNote, hostsCount, timeRange, timeInstant
    case asOfNote
    case refTT12, refTCVN11930, refTCVN14423, refND331

    // Section headings (level2-requirements.md §4)
    case sectionBasis, sectionScope, sectionSummary, sectionItems, sectionFindings, sectionLan, sectionTlsAv
    case sectionChanges, sectionWaivers, sectionPlan, sectionConclusion, notInThisScan

    // 7. TLS certificate inventory
    case tlsLimitations, tlsNoEndpoints, tlsInventoryIntro, tlsAntivirusNotCollected, columnCertificate, columnNotAfter,
        columnDaysLeft, columnKey
    case columnSignature, columnIssuer, columnCertificateSource
    case tlsNotCollected, antivirusIntro, columnProduct, columnRealTime, columnSignatureAge, columnSignatureVersion
    case columnLastFullScan, valueOn, valueOff, valueUnknown, valueNever, antivirusNoneFound
    // 8. Changes since the previous scan (history)
    case changesFirstScan, changesNone, changesBaseline, changesNewHeading, changesResolvedHeading
    case changesChangedHeading, changesInventoryHeading, changesTrendHeading, trendDescription
    case columnBefore, columnAfter, columnKind, columnScan, kindPort, kindService, kindPackage, absent

    // 1. Basis
    case basisIntro, basisND85, basisTT12, basisTCVN11930, basisNewRegime, thresholdsIntro
    case columnVariable, columnValue, columnSource, columnMeaning, sourceProposal, noVariables
    case sourceNone, sourceTT09, sourceProposalPart, sourceUnverified

    // 2. Scope and method
    case scopeSystem, methodText, hostsHeading, columnHost, columnRoot, columnMode, modeLive, modeSnapshot
    case columnOS, columnKernel, columnCollectedAt, columnPackages, columnCollectors, columnIssues, noHosts, unknown

    // 3. Summary
    case overallLabel, countsHeading, columnStatus, columnCount, total
    case groupChartHeading, scoreNote, notJudged, columnGroup, columnScore, chartDescription
    case systemsHeading, columnSystem, columnSystemOwner, columnOperator, columnSecurityLevel, columnHostCount
    case columnDeployment, deploymentFull, deploymentPartial, deploymentNone, systemsNote

    // 4. Per item
    case columnItem, columnRequirement, columnTCVN, columnVerdict, columnRules, columnHosts, columnCoverage
    case newAtLevel2, coverageAutomated, coveragePartial, coverageManual, noControls, newRegimeIDs, itemsIntro
    case strengthAutomated, strengthPartial, strengthAttestation, clauseInferred

    // 5. Findings
    case severityCritical, severityHigh, severityMedium, severityLow, severityInfo, severityHeading
    case statusPass, statusFail, statusWarn, statusError, statusNotApplicable, statusNotAssessed, statusManual,
        statusWaived
    case fieldRule, fieldRequirement, fieldSeverity, fieldHost, fieldReason, fieldThreshold, fieldRuleFile
    case fieldWaiver, fieldRemediation, fieldEvidence
    case columnSubject, columnExpected, columnFound, columnWhere, columnOutcome
    case proofLine, proofMore, outcomePass, outcomeFail, outcomeUnknown, noEvidence, noActionFindings, findingsIntro
    case compactHeading, compactIntro, columnNote, issuesHeading, columnCollector, columnLevel, columnFile
    case columnMessage, issueLevelError, issueLevelWarning, issueLevelUnreadable, noIssues, waiverInForceText,
        waiverExpiredText

    // 6. LAN
    case lanIntro, lanSegment, lanCounters, lanScan, lanScanClosed, lanScanFiltered, lanHostsHeading,
        lanServicesHeading, lanRisksHeading, lanNoRisks
    case lanNoServices, lanNoHosts, columnIP, columnMAC, columnFirstSeen, columnLastSeen, columnPackets, columnPort
    case columnService, columnMethod, columnEvidencePackets, columnObservation, columnWhere2, lanRiskCredential
    case lanRiskDefaultCommunity, lanRiskDhcp, lanRiskArp, lanRiskProtocol, lanRiskPort, lanHostsTruncated

    // 9. Waivers
    case waiversInForce, waiversExpired, columnWaiverRule, columnScope, columnJustification, columnApprovedBy
    case columnIssued, columnExpires, columnApplied, columnTicket, allHosts, noWaivers, expiredNote

    // 10. Plan
    case planIntro, columnNumber, columnAction, columnOwner, columnDeadline, noPlan

    // 11. Conclusion
    case conclusionSeeSection, conclusionCompliant, conclusionNotYet, conclusionItemCounts, conclusionOpenItems,
        conclusionChecksPass
    case conclusionChecksFail, conclusionChecksUnreadable, conclusionOverall, conclusionCounts, recommendationsHeading,
        recommendFix, recommendWarn
    case recommendError, recommendManual, recommendExpired, recommendNone, recommendRescan
    case signPreparer, signDepartment, signDepartmentFallback, signHint, signDate, generatedBy

    // Terminal summary
    case terminalWorst, terminalWritten, terminalOn, terminalNoFindings

    /// The text in both languages.
    public var text: LocalizedText {
        let pair = Self.pair(self)
        return LocalizedText(vi: pair.vi, en: pair.en)
    }
}

private extension ReportString {
    // swiftlint:disable:next function_body_length cyclomatic_complexity
    static func pair(_ key: ReportString) -> (vi: String, en: String) {
        switch key {
        case .nationalName: return ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM")
        case .nationalMotto: return ("Độc lập – Tự do – Hạnh phúc", "Independence – Freedom – Happiness")
        case .reportTitle:
            return (
                "BÁO CÁO KIỂM TRA AN TOÀN HỆ THỐNG THÔNG TIN THEO CẤP ĐỘ 2",
                "LEVEL-2 INFORMATION SYSTEM SECURITY INSPECTION REPORT"
            )
        case .reportSubtitleLegacy:
            return (
                "Theo Thông tư 12/2022/TT-BTTTT (Phụ lục II) và TCVN 11930:2017",
                "Under Circular 12/2022/TT-BTTTT (Annex II) and TCVN 11930:2017"
            )
        case .reportSubtitleOther: return ("Chế độ áp dụng: {0}", "Regime: {0}")
        case .dateLine: return ("Ngày {0} tháng {1} năm {2}", "Date: {2}-{1}-{0}")
        case .organisationUnspecified: return ("(CHƯA KHAI BÁO CƠ QUAN)", "(ORGANISATION NOT CONFIGURED)")
        case .systemLabel: return ("Hệ thống thông tin", "Information system")
        case .scanTimeLabel: return ("Thời gian kiểm tra", "Scan time")
        case .scopeLabel: return ("Phạm vi", "Scope")
        case .profileLabel: return ("Hồ sơ tham số (profile)", "Profile")
        case .ruleSetLabel: return ("Bộ quy tắc", "Rule set")
        case .regimeLabel: return ("Chế độ áp dụng", "Regime")
        case .regimeLegacy:
            return (
                "Quy định hiện hành (TT 12/2022 Phụ lục II, TCVN 11930:2017); mã theo quy định mới "
                    + "(TCVN 14423:2026, NĐ 331/2026) ghi kèm để đối chiếu",
                "Legacy regime (TT 12/2022 Annex II, TCVN 11930:2017); new-regime ids "
                    + "(TCVN 14423:2026, Decree 331/2026) shown alongside"
            )
        case .scannerLabel: return ("Công cụ kiểm tra", "Scanner")
        case .ruleCount: return ("{0} quy tắc", "{0} {0|rule|rules}")
        case .digestLabel: return ("mã băm SHA-256", "SHA-256 digest")
        case .timeZoneNote: return ("giờ Việt Nam, UTC+07:00", "Viet Nam time, UTC+07:00")
        case .hostsCount: return ("{0} máy", "{0} {0|host|hosts}")
        case .timeRange: return ("từ {0} đến {1}", "from {0} to {1}")
        case .timeInstant: return ("lúc {0}", "at {0}")
        case .asOfNote:
            return (
                "thời hạn và tuổi dữ liệu (mẫu nhận diện, danh sách gói, nhật ký, sao lưu, chứng thư) được tính theo "
                    + "mốc {0} (--as-of), không theo thời điểm quét",
                "ages and expiries (signatures, package lists, logs, backups, certificates) judged as of {0} "
                    + "(--as-of), not as of the scan time"
            )
        case .refTT12: return ("TT 12/2022 PL II", "TT 12/2022 Annex II")
        case .refTCVN11930: return ("TCVN 11930:2017", "TCVN 11930:2017")
        case .refTCVN14423: return ("TCVN 14423:2026", "TCVN 14423:2026")
        case .refND331: return ("NĐ 331/2026", "Decree 331/2026")

        case .sectionBasis: return ("Căn cứ", "Legal basis")
        case .sectionScope: return ("Phạm vi, phương pháp", "Scope and method")
        case .sectionSummary: return ("Kết quả tổng hợp", "Summary of results")
        case .sectionItems: return ("Mức đáp ứng theo từng yêu cầu", "Compliance per requirement item")
        case .sectionFindings: return ("Phát hiện kỹ thuật", "Technical findings")
        case .sectionLan: return ("Phát hiện trên mạng LAN", "LAN findings")
        case .sectionTlsAv: return ("Chứng thư số TLS và phòng chống mã độc", "TLS certificates and anti-malware")
        case .sectionChanges: return ("Thay đổi so với lần kiểm tra trước", "Changes since the previous scan")
        case .changesFirstScan:
            return (
                "Đây là lần kiểm tra đầu tiên được ghi vào lịch sử cho các máy này; chưa có lần trước để so sánh.",
                "This is the first scan recorded in the history for these hosts; there is nothing to compare with yet."
            )
        case .changesNone:
            return ("Không có thay đổi so với lần kiểm tra trước.", "Nothing changed since the previous scan.")
        case .changesBaseline:
            return ("Máy {0}: so với lần kiểm tra số {1} ({2}).", "Host {0}: compared with scan #{1} ({2}).")
        case .changesNewHeading: return ("Phát hiện mới ({0})", "New findings ({0})")
        case .changesResolvedHeading: return ("Đã khắc phục ({0})", "Resolved findings ({0})")
        case .changesChangedHeading: return ("Thay đổi trạng thái hoặc bằng chứng ({0})", "Changed findings ({0})")
        case .changesInventoryHeading:
            return ("Cổng, dịch vụ và gói phần mềm thay đổi ({0})", "Ports, services and packages that changed ({0})")
        case .changesTrendHeading: return ("Xu hướng điểm theo nhóm", "Score trend per group")
        case .trendDescription:
            return (
                "Biểu đồ điểm đáp ứng (0–100) theo nhóm qua các lần kiểm tra gần nhất",
                "Compliance score (0–100) per group over the most recent scans"
            )
        case .columnBefore: return ("Trước", "Before")
        case .columnAfter: return ("Nay", "Now")
        case .columnKind: return ("Loại", "Kind")
        case .columnScan: return ("Lần kiểm tra", "Scan")
        case .kindPort: return ("Cổng", "Port")
        case .kindService: return ("Dịch vụ", "Service")
        case .kindPackage: return ("Gói phần mềm", "Package")
        case .absent: return ("(không có)", "(absent)")
        case .sectionWaivers: return ("Miễn trừ", "Waivers")
        case .sectionPlan: return ("Kế hoạch khắc phục", "Remediation plan")
        case .sectionConclusion: return ("Kết luận và kiến nghị", "Conclusion and recommendations")
        case .tlsLimitations:
            return (
                "Giới hạn của phép thử TLS: thư viện {0} không có các bộ mã {1} nên không chào được chúng; kết luận "
                    + "về bộ mã yếu không bao gồm những loại này.",
                "Limits of the TLS probe: the {0} library has no {1} suites and cannot offer them; the conclusions "
                    + "on weak suites do not cover these."
            )
        case .tlsNoEndpoints:
            return (
                "Không có dịch vụ TLS nào được thử kết nối trong lần kiểm tra này: các quy tắc về dịch vụ TLS "
                    + "là Chưa đánh giá.",
                "No TLS service was probed in this inspection: the rules on TLS services are Not assessed."
            )
        case .tlsInventoryIntro:
            return (
                "Mọi chứng thư số đã xem (tệp trên đĩa và chuỗi do dịch vụ gửi), sắp theo số ngày còn lại tính đến lúc đánh giá.",
                "Every certificate seen (files on disk and served chains), sorted by days left at evaluation time."
            )
        case .tlsNotCollected:
            return (
                "Chứng thư số TLS: chưa thu thập dữ liệu trong lần kiểm tra này.",
                "TLS certificates: not collected in this scan."
            )
        case .antivirusIntro:
            return (
                "Tình trạng phần mềm phòng chống mã độc trên từng máy; tuổi mẫu nhận diện tính đến lúc đánh giá.",
                "Anti-malware status per host; signature age at evaluation time."
            )
        case .columnProduct: return ("Sản phẩm", "Product")
        case .columnRealTime: return ("Bảo vệ thời gian thực", "Real-time protection")
        case .columnSignatureAge: return ("Tuổi mẫu nhận diện (ngày)", "Signature age (days)")
        case .columnSignatureVersion: return ("Phiên bản mẫu", "Signature version")
        case .columnLastFullScan: return ("Quét toàn bộ gần nhất", "Last full scan")
        case .valueOn: return ("Bật", "On")
        case .valueOff: return ("Tắt", "Off")
        case .valueUnknown: return ("Không rõ", "Unknown")
        case .valueNever: return ("Chưa bao giờ", "Never")
        case .antivirusNoneFound: return ("Không tìm thấy phần mềm phòng chống mã độc", "No anti-malware product found")
        case .tlsAntivirusNotCollected:
            return (
                "Phòng chống mã độc: chưa thu thập dữ liệu trong lần kiểm tra này.",
                "Anti-malware: not collected in this scan."
            )
        case .columnCertificate: return ("Chứng thư", "Certificate")
        case .columnNotAfter: return ("Hết hạn", "Expires")
        case .columnDaysLeft: return ("Còn (ngày)", "Days left")
        case .columnKey: return ("Khóa", "Key")
        case .columnSignature: return ("Chữ ký", "Signature")
        case .columnIssuer: return ("Tổ chức cấp", "Issuer")
        case .columnCertificateSource: return ("Vị trí", "Where")
        case .notInThisScan:
            return (
                "Không thuộc phạm vi lần kiểm tra này: chưa thu thập dữ liệu cho mục này.",
                "Not part of this scan: no data was collected for this section."
            )

        case .basisIntro: return ("Báo cáo được lập căn cứ:", "This report is based on:")
        case .basisND85:
            return (
                "Nghị định 85/2016/NĐ-CP về bảo đảm an toàn hệ thống thông tin theo cấp độ;",
                "Decree 85/2016/ND-CP on information system security by level;"
            )
        case .basisTT12:
            return (
                "Thông tư 12/2022/TT-BTTTT, Phụ lục II: yêu cầu bảo đảm an toàn hệ thống thông tin cấp độ 2;",
                "Circular 12/2022/TT-BTTTT, Annex II: security requirements for level-2 information systems;"
            )
        case .basisTCVN11930:
            return (
                "TCVN 11930:2017, điều 6: yêu cầu cơ bản về an toàn hệ thống thông tin cấp độ 2;",
                "TCVN 11930:2017, clause 6: baseline requirements for level-2 information systems;"
            )
        case .basisNewRegime:
            return (
                "Luật An ninh mạng 116/2025/QH15, Nghị định 331/2026/NĐ-CP và TCVN 14423:2026 "
                    + "(mã điều khoản ghi kèm để chuẩn bị chuyển đổi).",
                "Cybersecurity Law 116/2025/QH15, Decree 331/2026/ND-CP and TCVN 14423:2026 "
                    + "(clause ids shown alongside to prepare the transition)."
            )
        case .thresholdsIntro:
            return (
                "Các ngưỡng đã áp dụng trong lần kiểm tra này, với nguồn của từng giá trị:",
                "Thresholds applied in this scan, with the source of each value:"
            )
        case .columnVariable: return ("Tham số", "Variable")
        case .columnValue: return ("Giá trị", "Value")
        case .columnSource: return ("Nguồn", "Source")
        case .columnMeaning: return ("Ý nghĩa", "Meaning")
        case .sourceProposal:
            return ("Đề xuất (văn bản không quy định số cụ thể)", "Proposal (no number in regulation)")
        case .noVariables: return ("Hồ sơ không khai báo tham số.", "The profile declares no variables.")
        case .sourceNone:
            return ("Không có ngưỡng số (quy tắc kiểm tra có/không)", "No numeric threshold (a yes/no check)")
        case .sourceTT09:
            return (
                "Thông tư 09/2020/TT-NHNN (tiền lệ ngành ngân hàng, không bắt buộc với phường)",
                "Circular 09/2020/TT-NHNN (banking precedent, not binding on a ward)"
            )
        case .sourceProposalPart: return ("đề xuất của capdo", "capdo's proposal")
        case .sourceUnverified: return ("tham chiếu — chưa xác minh", "reference — unverified")

        case .scopeSystem: return ("Hệ thống được kiểm tra: {0}.", "System assessed: {0}.")
        case .methodText:
            return (
                "Kiểm tra tự động bằng công cụ capdo: thu thập cấu hình, gói phần mềm, dịch vụ, tài khoản và nhật ký "
                    + "trên từng máy (chỉ đọc, không thay đổi máy được kiểm tra), sau đó đối chiếu với bộ quy tắc. "
                    + "Các yêu cầu quản lý được đánh giá theo hồ sơ minh chứng và cần xác nhận thủ công.",
                "Automated inspection with capdo: configuration, packages, services, accounts and logs are read on "
                    + "each host (read-only, nothing on the host is changed) and compared with the rule set. "
                    + "Management requirements are assessed from evidence documents and need attestation."
            )
        case .hostsHeading: return ("Các máy được kiểm tra", "Hosts inspected")
        case .columnHost: return ("Máy", "Host")
        case .columnRoot: return ("Thư mục gốc", "Root")
        case .columnMode: return ("Hình thức", "Mode")
        case .modeLive: return ("Trực tiếp", "Live")
        case .modeSnapshot: return ("Ảnh chụp dữ liệu", "Snapshot")
        case .columnOS: return ("Hệ điều hành", "Operating system")
        case .columnKernel: return ("Nhân", "Kernel")
        case .columnCollectedAt: return ("Thời điểm thu thập", "Collected at")
        case .columnPackages: return ("Số gói", "Packages")
        case .columnCollectors: return ("Bộ thu thập", "Collectors")
        case .columnIssues: return ("Sự cố thu thập", "Collection issues")
        case .noHosts: return ("Không có máy nào được kiểm tra.", "No host was inspected.")
        case .unknown: return ("không rõ", "unknown")

        case .overallLabel: return ("Kết luận chung", "Overall result")
        case .countsHeading: return ("Số kết quả theo trạng thái", "Results by status")
        case .columnStatus: return ("Trạng thái", "Status")
        case .columnCount: return ("Số lượng", "Count")
        case .total: return ("Tổng cộng", "Total")
        case .groupChartHeading: return ("Điểm đáp ứng theo nhóm yêu cầu", "Score per requirement group")
        case .scoreNote:
            return (
                "Điểm = (số mục Đáp ứng + ½ số mục Đáp ứng một phần) / số mục áp dụng của nhóm × 100, theo các mục "
                    + "của Phụ lục II ở mục 4; mục cần xác nhận thủ công hoặc chưa đánh giá được tính là chưa chứng minh "
                    + "được, mục không áp dụng không tính; nhóm chưa có mục nào đánh giá được ghi 'chưa đánh giá'.",
                "Score = (items met + ½ items partly met) / applicable items of the group × 100, over the Annex II "
                    + "items of section 4; items awaiting attestation or not assessed count as not yet proven, items "
                    + "that do not apply are left out; a group with no item judged yet reads 'not assessed'."
            )
        case .notJudged: return ("chưa đánh giá", "not assessed")
        case .columnGroup: return ("Nhóm yêu cầu", "Requirement group")
        case .columnScore: return ("Điểm", "Score")
        case .chartDescription:
            return ("Biểu đồ điểm đáp ứng theo nhóm yêu cầu", "Bar chart of the score per requirement group")
        case .systemsHeading:
            return ("Tình hình triển khai theo hệ thống thông tin", "Deployment per information system")
        case .columnSystem: return ("Hệ thống", "System")
        case .columnSystemOwner: return ("Chủ quản", "Owner")
        case .columnOperator: return ("Đơn vị vận hành", "Operator")
        case .columnSecurityLevel: return ("Cấp độ", "Level")
        case .columnHostCount: return ("Số máy", "Hosts")
        case .columnDeployment: return ("Trạng thái triển khai", "Deployment status")
        case .deploymentFull: return ("Đã triển khai đầy đủ", "Fully deployed")
        case .deploymentPartial: return ("Đã triển khai một số hạng mục", "Partly deployed")
        case .deploymentNone: return ("Chưa triển khai", "Not deployed")
        case .systemsNote:
            return (
                "Theo mức đáp ứng từng mục của Phụ lục II (mục 4) trên các máy của hệ thống: đầy đủ khi mọi mục "
                    + "đáp ứng hoặc không áp dụng; một số hạng mục khi có mục đáp ứng (kể cả một phần) và mục chưa "
                    + "đạt, cần xác nhận hay chưa đánh giá; chưa triển khai khi chưa mục nào đáp ứng.",
                "From the verdict of each Annex II item (section 4) over the system's hosts: fully deployed when every "
                    + "item is met or does not apply; partly when some item is met (even in part) and some is not yet "
                    + "met, awaits attestation or was not assessed; not deployed when no item is met."
            )

        case .columnItem: return ("Mục", "Item")
        case .columnRequirement: return ("Yêu cầu", "Requirement")
        case .columnTCVN: return ("TCVN 11930", "TCVN 11930")
        case .columnVerdict: return ("Mức đáp ứng", "Verdict")
        case .columnRules: return ("Quy tắc", "Rules")
        case .columnHosts: return ("Máy", "Hosts")
        case .columnCoverage: return ("Cách kiểm tra", "Coverage")
        case .newAtLevel2: return ("mới ở cấp độ 2", "new at level 2")
        case .coverageAutomated: return ("Tự động", "Automated")
        case .coveragePartial: return ("Tự động một phần", "Partly automated")
        case .coverageManual: return ("Thủ công", "Manual")
        case .strengthAutomated: return ("tự động", "automated")
        case .strengthPartial: return ("một phần", "partial")
        case .strengthAttestation: return ("chứng thực", "attestation")
        case .clauseInferred: return ("suy ra từ cách đánh số", "inferred from the numbering")
        case .noControls:
            return ("Chưa nạp danh mục yêu cầu Phụ lục II.", "No Annex II item list was loaded.")
        case .newRegimeIDs: return ("Quy định mới", "New regime")
        case .itemsIntro:
            return (
                "Mỗi dòng là một mục của Phụ lục II, Thông tư 12/2022/TT-BTTTT.",
                "One row per item of Annex II, Circular 12/2022/TT-BTTTT."
            )

        case .severityCritical: return ("Nghiêm trọng", "Critical")
        case .severityHigh: return ("Cao", "High")
        case .severityMedium: return ("Trung bình", "Medium")
        case .severityLow: return ("Thấp", "Low")
        case .severityInfo: return ("Thông tin", "Info")
        case .severityHeading: return ("Mức độ: {0}", "Severity: {0}")
        case .statusPass: return ("Đạt", "Pass")
        case .statusFail: return ("Không đạt", "Fail")
        case .statusWarn: return ("Cảnh báo", "Warning")
        case .statusError: return ("Lỗi", "Error")
        case .statusNotApplicable: return ("Không áp dụng", "Not applicable")
        case .statusNotAssessed: return ("Chưa đánh giá", "Not assessed")
        case .statusManual: return ("Cần xác nhận", "Needs attestation")
        case .statusWaived: return ("Miễn trừ", "Waived")
        case .fieldRule: return ("Mã quy tắc", "Rule")
        case .fieldRequirement: return ("Căn cứ yêu cầu", "Requirement")
        case .fieldSeverity: return ("Mức độ", "Severity")
        case .fieldHost: return ("Máy", "Host")
        case .fieldReason: return ("Nhận định", "Assessment")
        case .fieldThreshold: return ("Nguồn ngưỡng", "Threshold source")
        case .fieldRuleFile: return ("Tệp quy tắc", "Rule file")
        case .fieldWaiver: return ("Miễn trừ", "Waiver")
        case .fieldRemediation: return ("Biện pháp khắc phục", "Remediation")
        case .fieldEvidence: return ("Bằng chứng", "Evidence")
        case .columnSubject: return ("Nội dung kiểm tra", "Checked")
        case .columnExpected: return ("Yêu cầu", "Expected")
        case .columnFound: return ("Thực tế", "Found")
        case .columnWhere: return ("Vị trí", "Where")
        case .columnOutcome: return ("Kết quả", "Outcome")
        case .outcomePass: return ("Đạt", "Pass")
        case .proofLine: return ("{0}: yêu cầu {1}, thực tế {2}", "{0}: expected {1}, found {2}")
        case .proofMore: return ("và {0} kiểm tra khác", "and {0} more {0|check|checks}")
        case .outcomeFail: return ("Không đạt", "Fail")
        case .outcomeUnknown: return ("Không xác định", "Unknown")
        case .noEvidence: return ("Không có bằng chứng chi tiết.", "No detailed evidence.")
        case .lanIntro:
            return (
                "Quan sát thụ động (bản ghi gói tin, giao diện mạng) và quét chủ động các mục tiêu được giao. Thông tin "
                    + "đăng nhập dạng rõ chỉ được ghi nhận là đã thấy: mật khẩu không bao giờ được lưu hay in ra. Số gói "
                    + "tin (đánh số từ 1 như Wireshark) là bằng chứng.",
                "Passive observation (captures, live interfaces) and active scans of the targets given. Cleartext "
                    + "credentials are only recorded as seen: the secret is never stored or printed. Packet numbers "
                    + "(from 1, as in Wireshark) are the evidence."
            )
        case .lanSegment: return ("Phân đoạn mạng: {0} (cách thu thập: {1})", "Segment: {0} (collected by: {1})")
        case .lanCounters:
            return (
                "{0} gói tin, {1} gói hỏng/bị cắt đã bỏ qua, kiểu liên kết {2}, {3}",
                "{0} {0|packet|packets}, {1} malformed or truncated skipped, link type {2}, {3}"
            )
        case .lanScan:
            return (
                "quét {0}: {1} địa chỉ, {2} lượt thăm dò, {3} gói/giây",
                "{0} scan: {1} {1|address|addresses}, {2} {2|probe|probes}, {3} pps"
            )
        case .lanScanClosed: return ("{0} cổng đóng", "{0} closed")
        case .lanScanFiltered: return ("{0} cổng không trả lời (bị lọc)", "{0} filtered")
        case .lanHostsHeading: return ("Máy trên mạng", "Hosts")
        case .lanServicesHeading: return ("Dịch vụ mở", "Exposed services")
        case .lanRisksHeading: return ("Phát hiện rủi ro", "Risky findings")
        case .lanNoRisks: return ("Không thấy dấu hiệu rủi ro.", "No risky observation.")
        case .lanNoServices: return ("Không thấy dịch vụ nào trả lời.", "No service was seen answering.")
        case .lanNoHosts: return ("Không thấy máy nào.", "No host was seen.")
        case .columnIP: return ("Địa chỉ IP", "IP address")
        case .columnMAC: return ("Địa chỉ MAC", "MAC address")
        case .columnFirstSeen: return ("Thấy lần đầu", "First seen")
        case .columnLastSeen: return ("Thấy lần cuối", "Last seen")
        case .columnPackets: return ("Số gói", "Packets")
        case .columnPort: return ("Cổng", "Port")
        case .columnService: return ("Dịch vụ", "Service")
        case .columnMethod: return ("Cách phát hiện", "Found by")
        case .columnEvidencePackets: return ("Gói tin bằng chứng", "Evidence packets")
        case .columnObservation: return ("Phát hiện", "Observation")
        case .columnWhere2: return ("Giữa", "Between")
        case .lanRiskCredential:
            return (
                "Thông tin đăng nhập {0} dạng rõ (tài khoản: {1}; mật khẩu: đã che)",
                "Cleartext {0} credentials (user: {1}; secret: redacted)"
            )
        case .lanRiskDefaultCommunity:
            return ("SNMP {0} dùng community mặc định (đã che)", "SNMP {0} with a default community (redacted)")
        case .lanRiskDhcp:
            return ("{0} máy chủ DHCP trả lời (DHCP giả mạo?)", "{0} DHCP servers answering (rogue DHCP?)")
        case .lanRiskArp:
            return ("Địa chỉ {0} được {1} MAC nhận (giả mạo ARP?)", "Address {0} claimed by {1} MACs (ARP spoofing?)")
        case .lanRiskProtocol: return ("Giao thức không an toàn: {0}", "Insecure protocol in use: {0}")
        case .lanRiskPort: return ("Cổng quản trị/CSDL/chia sẻ mở: {0}", "Admin, database or sharing port open: {0}")
        case .lanHostsTruncated:
            return ("… và {0} máy khác (xem báo cáo JSON).", "… and {0} more hosts (see the JSON report).")
        case .noActionFindings: return ("Không có phát hiện cần xử lý.", "No finding needs action.")
        case .findingsIntro:
            return (
                "Các phát hiện Không đạt, Lỗi, Cảnh báo, Cần xác nhận và Miễn trừ, xếp theo mức độ nghiêm trọng; "
                    + "các kiểm tra Đạt và Không áp dụng được liệt kê gọn ở cuối mục.",
                "Failed, error, warning, attestation and waived findings, ordered by severity; passed and "
                    + "not-applicable checks are listed compactly at the end of this section."
            )
        case .compactHeading: return ("Các kiểm tra đạt hoặc không áp dụng", "Checks passed or not applicable")
        case .compactIntro:
            return ("Không có kiểm tra nào đạt hoặc không áp dụng.", "No check passed or was not applicable.")
        case .columnNote: return ("Ghi chú", "Note")
        case .issuesHeading: return ("Sự cố khi thu thập dữ liệu", "Collection issues")
        case .columnCollector: return ("Bộ thu thập", "Collector")
        case .columnLevel: return ("Mức", "Level")
        case .columnFile: return ("Tệp", "File")
        case .columnMessage: return ("Nội dung", "Message")
        case .issueLevelError: return ("Lỗi", "Error")
        case .issueLevelWarning: return ("Cảnh báo", "Warning")
        case .issueLevelUnreadable: return ("Không đọc được", "Unreadable")
        case .noIssues: return ("Không có sự cố thu thập dữ liệu.", "No collection issue.")
        case .waiverInForceText:
            return (
                "Được miễn trừ đến ngày {0}, người phê duyệt: {1}. Lý do: {2}",
                "Waived until {0}, approved by {1}. Justification: {2}"
            )
        case .waiverExpiredText:
            return (
                "Miễn trừ đã hết hạn ngày {0} (người phê duyệt: {1}); kết quả giữ nguyên trạng thái thực tế.",
                "Waiver expired on {0} (approved by {1}); the finding keeps its real status."
            )

        case .waiversInForce: return ("Miễn trừ đang có hiệu lực", "Waivers in force")
        case .waiversExpired: return ("Miễn trừ đã hết hạn", "Expired waivers")
        case .columnWaiverRule: return ("Quy tắc", "Rule")
        case .columnScope: return ("Phạm vi", "Scope")
        case .columnJustification: return ("Lý do", "Justification")
        case .columnApprovedBy: return ("Người phê duyệt", "Approved by")
        case .columnIssued: return ("Ngày phê duyệt", "Issued")
        case .columnExpires: return ("Hiệu lực đến", "Expires")
        case .columnApplied: return ("Số kết quả được miễn trừ", "Findings waived")
        case .columnTicket: return ("Số phiếu", "Ticket")
        case .allHosts: return ("tất cả các máy", "all hosts")
        case .noWaivers: return ("Không có miễn trừ.", "No waiver.")
        case .expiredNote:
            return (
                "Miễn trừ đã hết hạn không còn được áp dụng; các kết quả liên quan được báo cáo theo trạng thái thực tế.",
                "Expired waivers no longer apply; the findings they covered are reported with their real status."
            )

        case .planIntro:
            return (
                "Các biện pháp xếp theo mức độ nghiêm trọng. Cột Người phụ trách và Thời hạn do đơn vị ghi khi "
                    + "phê duyệt kế hoạch.",
                "Actions ordered by severity. The Owner and Deadline columns are filled in when the plan is approved."
            )
        case .columnNumber: return ("STT", "No.")
        case .columnAction: return ("Biện pháp", "Action")
        case .columnOwner: return ("Người phụ trách", "Owner")
        case .columnDeadline: return ("Thời hạn", "Deadline")
        case .noPlan: return ("Không có biện pháp khắc phục cần thực hiện.", "No remediation is needed.")

        case .conclusionSeeSection:
            return ("(Chi tiết: mục 2 và 3.)", "(Details: sections 2 and 3.)")
        case .conclusionCompliant:
            return (
                "ĐẠT: cả {0} mục của Phụ lục II đều đáp ứng hoặc không áp dụng",
                "COMPLIANT: all {0} items of Annex II are met or do not apply"
            )
        case .conclusionNotYet:
            return ("CHƯA ĐẠT: {0}/{1} mục của Phụ lục II đáp ứng", "NOT YET COMPLIANT: {0} of {1} Annex II items met")
        case .conclusionItemCounts: return ("Theo mục: {0}.", "By item: {0}.")
        case .conclusionOpenItems: return ("Các mục chưa đạt: {0}.", "Items not yet met: {0}.")
        case .conclusionChecksPass:
            return (
                "Kiểm tra tự động: không có kiểm tra nào không đạt (mã thoát {0}).",
                "Automated checks: none failed (exit code {0})."
            )
        case .conclusionChecksFail:
            return (
                "Kiểm tra tự động: {0} kết quả không đạt (mã thoát {1}).",
                "Automated checks: {0} {0|result|results} failed (exit code {1})."
            )
        case .conclusionChecksUnreadable:
            return (
                "Kiểm tra tự động: có đầu vào không đọc được (xem Phụ lục D), kết quả chưa đầy đủ; {0} kết quả không đạt "
                    + "(mã thoát {1}).",
                "Automated checks: some input could not be read (see Appendix D), the result is incomplete; {0} "
                    + "{0|result|results} failed (exit code {1})."
            )
        case .conclusionOverall: return ("Kết quả kiểm tra: {0}.", "Result of the inspection: {0}.")
        case .conclusionCounts:
            return (
                "Tổng số {0} kết quả kiểm tra trên {1} máy: {2}.",
                "{0} check {0|result|results} on {1} {1|host|hosts}: {2}."
            )
        case .recommendationsHeading: return ("Kiến nghị", "Recommendations")
        case .recommendFix:
            return (
                "Khắc phục {0} kết quả Không đạt theo mục 3 và Kế hoạch khắc phục, ưu tiên mức Nghiêm trọng và Cao.",
                "Fix the {0} failed {0|result|results} following section 3 and the remediation plan, critical and high first."
            )
        case .recommendWarn:
            return (
                "Xử lý {0} cảnh báo trước lần kiểm tra tiếp theo.",
                "Resolve the {0} {0|warning|warnings} before the next scan."
            )
        case .recommendError:
            return (
                "Khắc phục {0} lỗi thu thập dữ liệu để đánh giá được đầy đủ (mục 4, Phụ lục D).",
                "Fix the {0} collection {0|error|errors} so that every check can be assessed (section 4, Appendix D)."
            )
        case .recommendManual:
            return (
                "Bổ sung hồ sơ minh chứng cho {0} nội dung cần xác nhận thủ công.",
                "Provide evidence documents for the {0} {0|result that needs|results that need} attestation."
            )
        case .recommendExpired:
            return (
                "Rà soát {0} miễn trừ đã hết hạn: gia hạn có phê duyệt hoặc khắc phục.",
                "Review the {0} expired {0|waiver|waivers}: renew {0|it|them} with approval or fix the {0|finding|findings}."
            )
        case .recommendNone:
            return ("Duy trì kiểm tra định kỳ theo kế hoạch.", "Keep running the scheduled scans.")
        case .recommendRescan:
            return (
                "Kiểm tra lại sau khi khắc phục và lưu báo cáo vào hồ sơ đề xuất cấp độ.",
                "Scan again after remediation and file this report with the level dossier."
            )
        case .signPreparer: return ("NGƯỜI LẬP BÁO CÁO", "PREPARED BY")
        case .signDepartment: return ("ĐẠI DIỆN {0}", "FOR {0}")
        case .signDepartmentFallback: return ("ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA", "FOR THE INSPECTED UNIT")
        case .signHint: return ("(Ký, ghi rõ họ tên)", "(Signature and full name)")
        case .signDate: return ("Ngày …… tháng …… năm ……", "Date: ……………………")
        case .generatedBy:
            return (
                "Báo cáo do {0} {1} tạo tự động từ dữ liệu kiểm tra lúc {2}.",
                "Generated by {0} {1} from the scan data of {2}."
            )

        case .terminalWorst: return ("Phát hiện nghiêm trọng nhất:", "Worst findings:")
        case .terminalWritten: return ("Báo cáo đã ghi:", "Reports written:")
        case .terminalOn: return ("trên", "on")
        case .terminalNoFindings: return ("Không có phát hiện cần xử lý.", "No finding needs action.")
        }
    }
}
