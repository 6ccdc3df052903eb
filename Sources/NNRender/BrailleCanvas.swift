/// A dot grid of 2×4 dots per cell, drawn as Unicode braille (or one ASCII mark per cell): sub-cell lines.
public struct BrailleCanvas: Sendable {
    public let columns: Int, rows: Int
    /// Dot bits per cell, in the braille bit layout.
    private var bits: [UInt8]
    /// The direction of the last segment through each cell (for ASCII marks).
    private var slopeMarks: [Character]

    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns); self.rows = max(0, rows)
        bits = Array(repeating: 0, count: self.columns * self.rows)
        slopeMarks = Array(repeating: "*", count: self.columns * self.rows)
    }
    public var dotWidth: Int { columns * 2 }
    public var dotHeight: Int { rows * 4 }

    private static let bitFor: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    public mutating func set(dotX: Int, dotY: Int, mark: Character = "*") {
        guard dotX >= 0, dotY >= 0, dotX < dotWidth, dotY < dotHeight else { return }
        let index = (dotY / 4) * columns + dotX / 2
        bits[index] |= Self.bitFor[dotX % 2][dotY % 4]
        slopeMarks[index] = mark
    }

    /// The straight line `a + b·u + c·v = 0` in dot coordinates (u right, v down), drawn by stepping along
    /// the longer direction so that it has no gaps.
    public mutating func line(a: Double, b: Double, c: Double) {
        guard (b != 0 || c != 0), a.isFinite, b.isFinite, c.isFinite else { return }
        // Slope as it looks in cells (a cell is 2 dots wide, 4 dots high, and about twice as high as wide).
        let mark = Self.asciiMark(b: b, c: c)
        if abs(c) >= abs(b) {
            for u in 0..<dotWidth {
                let v = -(a + b * (Double(u) + 0.5)) / c
                if v >= 0, v < Double(dotHeight) { set(dotX: u, dotY: Int(v), mark: mark) }
            }
        } else {
            for v in 0..<dotHeight {
                let u = -(a + c * (Double(v) + 0.5)) / b
                if u >= 0, u < Double(dotWidth) { set(dotX: Int(u), dotY: v, mark: mark) }
            }
        }
    }

    /// The segment from (u0, v0) to (u1, v1) in dot coordinates, stepping along its longer direction.
    /// `dashed`: two dots on, two off (counted along the segment's longer direction, from its start in dot
    /// units, so joined segments keep the rhythm), and ":" as the ASCII mark: a second curve that still
    /// reads as different without colour.
    public mutating func segment(_ u0: Double, _ v0: Double, _ u1: Double, _ v1: Double, dashed: Bool = false) {
        guard u0.isFinite, v0.isFinite, u1.isFinite, v1.isFinite else { return }
        let steps = Int(min(4096, max(abs(u1 - u0), abs(v1 - v0)).rounded(.up)))
        let mark: Character = dashed ? ":" : Self.asciiMark(b: v1 - v0, c: -(u1 - u0))
        let alongU = abs(u1 - u0) >= abs(v1 - v0)
        for n in 0...max(1, steps) {
            let t = Double(n) / Double(max(1, steps))
            let u = u0 + (u1 - u0) * t, v = v0 + (v1 - v0) * t
            // Off the canvas first: a far end (1e300) has no Int to count the dashes with.
            guard u >= 0, v >= 0, u < Double(dotWidth), v < Double(dotHeight) else { continue }
            if dashed, (Int(alongU ? u : v) / 2) % 2 == 1 { continue }
            set(dotX: Int(u), dotY: Int(v), mark: mark)
        }
    }

    /// Copies the dots into `frame` at `origin` in `style`, keeping each cell's background.
    public func draw(into frame: inout Frame, x: Int, y: Int, style: Style, glyphs: Glyphs) {
        for row in 0..<rows {
            for column in 0..<columns {
                guard let ch = character(column: column, row: row, glyphs: glyphs) else { continue }
                let background = frame[x + column, y + row].style.background
                frame[x + column, y + row] = Cell(ch, style: style.with(background: background))
            }
        }
    }

    static func asciiMark(b: Double, c: Double) -> Character {
        // Direction of the line in cell units: (du, dv) ∝ (c, −b) in dots; a cell is 2×4 dots.
        let du = c / 2, dv = -b / 4
        let angle = abs(atan2(dv, du) * 180 / Double.pi)
        let folded = angle > 90 ? 180 - angle : angle
        if folded < 22.5 { return "-" }
        if folded > 67.5 { return "|" }
        return (du * dv > 0) ? "\\" : "/"
    }

    /// The character for a cell, or nil when it has no dot.
    public func character(column: Int, row: Int, glyphs: Glyphs) -> Character? {
        let b = bits[row * columns + column]
        guard b != 0 else { return nil }
        return glyphs.unicode ? Character(Unicode.Scalar(0x2800 + UInt32(b))!) : slopeMarks[row * columns + column]
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
