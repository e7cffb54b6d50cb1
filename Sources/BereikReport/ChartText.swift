/// Text in the charts, measured before it is placed: the advance widths of DejaVu Sans (the font the
/// report's CSS names first; `TextWidths`, generated from the font by scripts/make_text_widths.py),
/// so that legends are laid out by their real width and no label is drawn over a mark or another
/// label. A character outside the table counts as 1 em (wider than any the report writes).
/// A browser test compares these widths with Chromium's `getComputedTextLength()`.
import Foundation

enum ChartText {
    /// The width in user units of `text` at `size` (px), kerning ignored (it only narrows text).
    static func width(_ text: String, size: Double) -> Double {
        var units = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v >= 0x20, v <= 0x17F { units += Int(TextWidths.latin[Int(v) - 0x20]) }
            else { units += Int(TextWidths.other[v] ?? UInt16(TextWidths.unitsPerEm)) }
        }
        return Double(units) / Double(TextWidths.unitsPerEm) * size
    }

    /// `text` shortened with "…" to fit `maxWidth`.
    static func fitted(_ text: String, size: Double, maxWidth: Double) -> String {
        guard width(text, size: size) > maxWidth else { return text }
        var shortened = String(text.dropLast())
        while !shortened.isEmpty, width(shortened + "…", size: size) > maxWidth { shortened.removeLast() }
        return shortened + "…"
    }

    /// The box a text occupies: from its anchor, ascent 0.93 and descent 0.24 em (DejaVu Sans's).
    static func box(x: Double, y: Double, text: String, size: Double, anchor: Anchor) -> Box {
        let w = width(text, size: size)
        let x0 = anchor == .start ? x : anchor == .middle ? x - w / 2 : x - w
        return Box(x0: x0, y0: y - 0.93 * size, x1: x0 + w, y1: y + 0.24 * size)
    }

    enum Anchor: String { case start, middle, end }

    struct Box: Equatable {
        var x0, y0, x1, y1: Double
        func overlaps(_ o: Box) -> Bool { x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1 }
        func inside(width: Double, height: Double) -> Bool { x0 >= 0 && y0 >= 0 && x1 <= width && y1 <= height }
    }

    /// A polyline as small boxes (one per 3 units of its length), so a label can keep off a line.
    static func pieces(of points: [(x: Double, y: Double)]) -> [Box] {
        var boxes: [Box] = []
        for (a, b) in zip(points, points.dropFirst()) {
            let steps = max(1, Int((hypot(b.x - a.x, b.y - a.y) / 3).rounded(.up)))
            for k in 0...steps {
                let t = Double(k) / Double(steps), px = a.x + (b.x - a.x) * t, py = a.y + (b.y - a.y) * t
                boxes.append(Box(x0: px - 1, y0: py - 1, x1: px + 1, y1: py + 1))
            }
        }
        return boxes
    }

    /// Greedy label placement: a label takes the first candidate position whose box stays in the
    /// view box and clears every mark and label placed before it, or is left out.
    struct Placer {
        let width, height: Double
        private(set) var occupied: [Box] = []

        init(width: Double, height: Double, marks: [Box] = []) {
            self.width = width
            self.height = height
            occupied = marks
        }

        mutating func occupy(_ box: Box) { occupied.append(box) }

        /// The SVG `<text>` for the first free candidate (x, y, anchor), or nil.
        mutating func place(_ text: String, size: Double, candidates: [(x: Double, y: Double, anchor: Anchor)]) -> String? {
            for c in candidates {
                let b = box(x: c.x, y: c.y, text: text, size: size, anchor: c.anchor)
                guard b.inside(width: width, height: height), !occupied.contains(where: { $0.overlaps(b) }) else { continue }
                occupied.append(b)
                return "<text x=\"\(SVGCharts.f(c.x))\" y=\"\(SVGCharts.f(c.y))\" font-size=\"\(SVGCharts.f(size))\" text-anchor=\"\(c.anchor.rawValue)\">\(htmlEscape(text))</text>"
            }
            return nil
        }
    }
}
