import CapdoCore

/// The inline SVG line chart of the score per group over the recorded scans (no script, printable).
///
/// Each group is a line with its own dash pattern and a marker shape, so the chart reads in black and white;
/// the last value of each line is written beside it.
struct HTMLTrendChart {
    var points: [TrendPoint]
    var strings: ReportStrings

    private let left = 40.0
    private let plotWidth = 420.0
    private let plotHeight = 160.0
    private let top = 12.0
    private let legendWidth = 190.0

    private static let dashes = ["", "6 3", "2 2", "8 3 2 3", "1 3"]

    func render() -> String {
        let width = left + plotWidth + legendWidth
        let height = top + plotHeight + 30
        var svg =
            "<svg class=\"chart trend\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\""
        svg += " role=\"img\" aria-label=\"\(HTMLEscaper.escape(strings[.trendDescription]))\">\n"
        svg += "<title>\(HTMLEscaper.escape(strings[.trendDescription]))</title>\n"
        for tick in [0.0, 50.0, 100.0] {
            let y = yFor(tick)
            svg += "<line x1=\"\(n(left))\" y1=\"\(n(y))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(y))\""
            svg += " stroke=\"#999\" stroke-width=\"0.6\" stroke-dasharray=\"2 2\"/>\n"
            svg += "<text x=\"\(n(left - 6))\" y=\"\(n(y + 4))\" text-anchor=\"end\">\(Int(tick))</text>\n"
        }
        for (index, point) in points.enumerated() {
            svg +=
                "<text x=\"\(n(xFor(index)))\" y=\"\(n(top + plotHeight + 16))\" text-anchor=\"middle\">#\(point.scanID)</text>\n"
        }
        for (groupIndex, group) in RequirementGroup.allCases.enumerated() {
            let values = points.enumerated().compactMap { index, point in point.scores[group].map { (index, $0) } }
            guard !values.isEmpty else { continue }
            let dash = Self.dashes[groupIndex % Self.dashes.count]
            let path = values.map { "\(n(xFor($0.0))),\(n(yFor($0.1)))" }.joined(separator: " ")
            svg += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"#000\" stroke-width=\"1.4\""
            svg += dash.isEmpty ? "/>\n" : " stroke-dasharray=\"\(dash)\"/>\n"
            for (index, value) in values {
                svg += marker(groupIndex, x: xFor(index), y: yFor(value))
            }
            let legendY = top + 14 + Double(groupIndex) * 20
            let legendX = left + plotWidth + 16
            svg +=
                "<line x1=\"\(n(legendX))\" y1=\"\(n(legendY - 4))\" x2=\"\(n(legendX + 24))\" y2=\"\(n(legendY - 4))\""
            svg +=
                " stroke=\"#000\" stroke-width=\"1.4\"" + (dash.isEmpty ? "/>\n" : " stroke-dasharray=\"\(dash)\"/>\n")
            svg += marker(groupIndex, x: legendX + 12, y: legendY - 4)
            let last = "\(ReportModel.percent(values.last!.1)) %"
            svg += "<text x=\"\(n(legendX + 30))\" y=\"\(n(legendY))\">"
            svg += "\(HTMLEscaper.escape(strings.group(group))): \(last)</text>\n"
        }
        return svg + "</svg>"
    }

    private func xFor(_ index: Int) -> Double {
        points.count <= 1
            ? left + plotWidth / 2 : left + 10 + (plotWidth - 20) * Double(index) / Double(points.count - 1)
    }

    private func yFor(_ score: Double) -> Double { top + plotHeight * (1 - score / 100) }

    /// A distinct marker per group: circle, square, triangle, diamond, cross.
    private func marker(_ group: Int, x: Double, y: Double) -> String {
        switch group % 5 {
        case 0: return "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"3\" fill=\"#fff\" stroke=\"#000\"/>\n"
        case 1: return "<rect x=\"\(n(x - 3))\" y=\"\(n(y - 3))\" width=\"6\" height=\"6\" fill=\"#000\"/>\n"
        case 2:
            return "<path d=\"M\(n(x)) \(n(y - 4))L\(n(x + 4)) \(n(y + 3))L\(n(x - 4)) \(n(y + 3))Z\" fill=\"#000\"/>\n"
        case 3:
            return
                "<path d=\"M\(n(x)) \(n(y - 4))L\(n(x + 4)) \(n(y))L\(n(x)) \(n(y + 4))L\(n(x - 4)) \(n(y))Z\" fill=\"#fff\" stroke=\"#000\"/>\n"
        default:
            return
                "<path d=\"M\(n(x - 3)) \(n(y - 3))L\(n(x + 3)) \(n(y + 3))M\(n(x + 3)) \(n(y - 3))L\(n(x - 3)) \(n(y + 3))\" stroke=\"#000\"/>\n"
        }
    }

    /// Coordinates as integers or one decimal, never locale-dependent.
    private func n(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(abs(tenths % 10))"
    }
}
