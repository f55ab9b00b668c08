import CapdoCore

/// The inline SVG bar chart of the score per requirement group: no script, readable in black and white.
///
/// Each bar carries its value as text; groups with nothing judged show "not assessed" instead of a bar.
struct HTMLBarChart {
    var groups: [ScanSummary.GroupScore]
    var strings: ReportStrings

    private let labelWidth = 190.0
    private let barWidth = 330.0
    private let rowHeight = 26.0
    private let top = 18.0

    func render() -> String {
        let height = top + rowHeight * Double(groups.count) + 6
        let width = labelWidth + barWidth + 80
        var svg = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\""
        svg += " role=\"img\" aria-label=\"\(HTMLEscaper.escape(strings[.chartDescription]))\">\n"
        svg += "<title>\(HTMLEscaper.escape(strings[.chartDescription]))</title>\n"
        for tick in [0.0, 50.0, 100.0] {
            let x = labelWidth + barWidth * tick / 100
            svg += "<line x1=\"\(n(x))\" y1=\"\(n(top - 4))\" x2=\"\(n(x))\" y2=\"\(n(height - 4))\""
            svg += " stroke=\"#999\" stroke-width=\"0.6\" stroke-dasharray=\"2 2\"/>\n"
            svg += "<text x=\"\(n(x))\" y=\"\(n(top - 7))\" text-anchor=\"middle\">\(Int(tick))</text>\n"
        }
        for (index, group) in groups.enumerated() {
            let y = top + rowHeight * Double(index)
            let label = HTMLEscaper.escape(strings.group(group.group))
            svg += "<text x=\"0\" y=\"\(n(y + 16))\">\(label)</text>\n"
            svg += "<rect x=\"\(n(labelWidth))\" y=\"\(n(y + 4))\" width=\"\(n(barWidth))\" height=\"16\""
            svg += " fill=\"#f4f4f4\" stroke=\"#777\" stroke-width=\"0.6\"/>\n"
            if let score = group.score {
                let fill = score >= 80 ? "#2e7d32" : (score >= 50 ? "#ef8f00" : "#c62828")
                svg += "<rect x=\"\(n(labelWidth))\" y=\"\(n(y + 4))\" width=\"\(n(barWidth * score / 100))\""
                svg += " height=\"16\" fill=\"\(fill)\" stroke=\"#000\" stroke-width=\"0.6\"/>\n"
                let value = "\(ReportModel.percent(score)) %"
                svg += "<text x=\"\(n(labelWidth + barWidth + 6))\" y=\"\(n(y + 16))\">\(value)</text>\n"
            } else {
                let text = HTMLEscaper.escape(strings[.notJudged])
                svg += "<text x=\"\(n(labelWidth + 6))\" y=\"\(n(y + 16))\" font-style=\"italic\">\(text)</text>\n"
            }
        }
        svg += "</svg>"
        return svg
    }

    /// Coordinates as integers or one decimal, never locale-dependent.
    private func n(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(abs(tenths % 10))"
    }
}
