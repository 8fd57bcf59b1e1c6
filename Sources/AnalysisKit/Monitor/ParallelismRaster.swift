import Foundation

extension ParallelismChart {
    /// The SVG's step chart as a PNG of the same size and layout: white background, black axes,
    /// one 2-px step line per group in `colors`, and a colour swatch per group where the SVG puts
    /// the group's legend. Text (title, axis numbers, times, group names) is not drawn, as that
    /// would need a font rasteriser; the SVG carries the labels.
    public static func png(_ p: Parallelism) -> [UInt8] {
        let fr = Frame(p)
        // Palette: 0 white, 1 black, 2… the series colours.
        let palette: [(UInt8, UInt8, UInt8)] = [(255, 255, 255), (0, 0, 0)] + colors.map(rgb)
        var img = PNGWriter(width: Int(fr.w), height: Int(fr.h), palette: palette)
        func px(_ v: Double) -> Int { Int(v.rounded()) }
        // Axes, 1 px: the x axis along the plot's bottom, the y axis along its left edge.
        let bottom = px(fr.top + fr.plotH), left = px(fr.left)
        img.fill(x0: left, y0: bottom, x1: px(fr.left + fr.plotW), y1: bottom, index: 1)
        img.fill(x0: left, y0: px(fr.top), x1: left, y1: bottom, index: 1)
        for (i, g) in fr.groups.enumerated() {
            let index = UInt8(2 + i % colors.count)
            // The SVG path's corners: from (start, 0), H to each step's time, V to its level.
            var points = [(fr.x(p.start), fr.y(0))]
            var level = 0
            for step in p.series[g] ?? [] {
                points.append((fr.x(step.time), points.last!.1))
                points.append((fr.x(step.time), fr.y(step.running)))
                level = step.running
            }
            points.append((fr.x(p.end), points.last!.1))
            if level != 0 { points.append((fr.x(p.end), fr.y(0))) }
            // A 2-px stroke centred on the line covers the pixel rows (or columns) either side of
            // it; each segment is widened the same way along its length so corners join.
            for (a, b) in zip(points, points.dropFirst()) {
                img.fill(x0: min(px(a.0), px(b.0)) - 1, y0: min(px(a.1), px(b.1)) - 1,
                         x1: max(px(a.0), px(b.0)), y1: max(px(a.1), px(b.1)), index: index)
            }
            // The legend swatch: 10 × 10 px where the SVG's legend text starts.
            let sx = px(fr.left + fr.plotW + 10), sy = px(fr.top + 16 * Double(i + 1))
            img.fill(x0: sx, y0: sy - 9, x1: sx + 9, y1: sy, index: index)
        }
        return img.encode()
    }

    /// "#rrggbb" → (r, g, b); the colours above are all of that form.
    static func rgb(_ hex: String) -> (UInt8, UInt8, UInt8) {
        let v = UInt32(hex.dropFirst(), radix: 16) ?? 0
        return (UInt8(v >> 16), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF))
    }
}
