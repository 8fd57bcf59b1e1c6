import Foundation

/// Renders `Parallelism`: a character chart for the terminal and an SVG step chart.
public enum ParallelismChart {
    /// One row per group, `width` columns over the time span; each cell is the number of
    /// instances running at that moment (blank for none, + above 9).
    public static func text(_ p: Parallelism, width: Int = 60) -> String {
        let groups = p.series.keys.sorted()
        guard !groups.isEmpty else { return "no instance records with a start time\n" }
        let span = max(p.end.timeIntervalSince(p.start), 1)
        let label = (groups.map(\.count).max() ?? 0)
        var out = ""
        for g in groups {
            var row = ""
            for c in 0..<width {
                let n = p.running(g, at: p.start.addingTimeInterval(span * (Double(c) + 0.5) / Double(width)))
                row += n == 0 ? "·" : (n > 9 ? "+" : String(n))
            }
            out += g.padding(toLength: label, withPad: " ", startingAt: 0) + " |" + row + "| peak \(p.peak(g))\n"
        }
        out += String(repeating: " ", count: label) + "  " + RecordTime.format(p.start) + " … " + RecordTime.format(p.end) + "\n"
        return out
    }

    static let colors = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"]

    /// A step chart per group. Each group is a `<g class="series" data-group=… data-peak=…>`
    /// holding a `<path>`, so tests (and scripts) can read the series back.
    public static func svg(_ p: Parallelism, title: String) -> String {
        let fr = Frame(p)
        let w = fr.w, h = fr.h, left = fr.left, top = fr.top, plotW = fr.plotW, plotH = fr.plotH
        let groups = fr.groups, ymax = fr.ymax
        func x(_ t: Date) -> Double { fr.x(t) }
        func y(_ n: Int) -> Double { fr.y(n) }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var s = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(w))" height="\(Int(h))" viewBox="0 0 \(Int(w)) \(Int(h))">
        <title>\(escape(title))</title>
        <rect x="0" y="0" width="\(Int(w))" height="\(Int(h))" fill="white"/>
        <text x="\(f(left))" y="24" font-family="sans-serif" font-size="16">\(escape(title))</text>
        <line x1="\(f(left))" y1="\(f(top + plotH))" x2="\(f(left + plotW))" y2="\(f(top + plotH))" stroke="black"/>
        <line x1="\(f(left))" y1="\(f(top))" x2="\(f(left))" y2="\(f(top + plotH))" stroke="black"/>

        """
        for n in 0...ymax {
            s += "<text x=\"\(f(left - 8))\" y=\"\(f(y(n) + 4))\" font-family=\"sans-serif\" font-size=\"11\" text-anchor=\"end\">\(n)</text>\n"
        }
        s += "<text x=\"\(f(left))\" y=\"\(f(h - 12))\" font-family=\"sans-serif\" font-size=\"11\">\(RecordTime.format(p.start))</text>\n"
        s += "<text x=\"\(f(left + plotW))\" y=\"\(f(h - 12))\" font-family=\"sans-serif\" font-size=\"11\" text-anchor=\"end\">\(RecordTime.format(p.end))</text>\n"
        for (i, g) in groups.enumerated() {
            let color = colors[i % colors.count]
            var d = "M \(f(x(p.start))) \(f(y(0)))"
            var level = 0
            for step in p.series[g] ?? [] {
                d += " H \(f(x(step.time))) V \(f(y(step.running)))"
                level = step.running
            }
            d += " H \(f(x(p.end)))" + (level != 0 ? " V \(f(y(0)))" : "")
            s += "<g class=\"series\" data-group=\"\(escape(g))\" data-peak=\"\(p.peak(g))\">\n"
            s += "<path d=\"\(d)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"/>\n"
            s += "<text x=\"\(f(left + plotW + 10))\" y=\"\(f(top + 16 * Double(i + 1)))\" font-family=\"sans-serif\" font-size=\"12\" fill=\"\(color)\">\(escape(g)) (peak \(p.peak(g)))</text>\n"
            s += "</g>\n"
        }
        return s + "</svg>\n"
    }

    /// The chart's layout, shared by the SVG and the PNG (ParallelismRaster.swift).
    struct Frame {
        let w = 800.0, h = 400.0, left = 50.0, right = 150.0, top = 40.0, bottom = 40.0
        let p: Parallelism
        let groups: [String]
        let ymax: Int
        let span: Double
        var plotW: Double { w - left - right }
        var plotH: Double { h - top - bottom }

        init(_ p: Parallelism) {
            self.p = p
            groups = p.series.keys.sorted()
            ymax = max(1, groups.map(p.peak).max() ?? 1)
            span = max(p.end.timeIntervalSince(p.start), 1)
        }

        func x(_ t: Date) -> Double { left + plotW * t.timeIntervalSince(p.start) / span }
        func y(_ n: Int) -> Double { top + plotH * (1 - Double(n) / Double(ymax)) }
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
