/// A 2-D scatter plot with axes, optional decision lines `w0 + w1·x + w2·y = 0` drawn with sub-cell precision,
/// and a shaded positive side. It takes plain numbers: it knows nothing of perceptrons.
public struct ScatterPlot: Sendable {
    public struct Point: Sendable, Hashable {
        public var x: Double, y: Double
        public var glyph: Character
        public var style: Style
        public init(x: Double, y: Double, glyph: Character, style: Style) {
            self.x = x; self.y = y; self.glyph = glyph; self.style = style
        }
    }
    /// The line `w0 + w1·x + w2·y = 0`.
    public struct DecisionLine: Sendable, Hashable {
        public var w0: Double, w1: Double, w2: Double
        public var style: Style
        /// In ASCII, every cell of the line shows this mark instead of a slope character (e.g. `.` for a ghost).
        public var asciiMark: Character?
        public init(w0: Double, w1: Double, w2: Double, style: Style, asciiMark: Character? = nil) {
            self.w0 = w0; self.w1 = w1; self.w2 = w2; self.style = style; self.asciiMark = asciiMark
        }
        func value(_ x: Double, _ y: Double) -> Double { w0 + w1 * x + w2 * y }
    }
    /// A part of the plane of any shape, as a test of a point, and the style of its cells.
    public struct Region: Sendable {
        public var contains: @Sendable (Double, Double) -> Bool
        public var style: Style
        public init(style: Style, contains: @escaping @Sendable (Double, Double) -> Bool) {
            self.contains = contains; self.style = style
        }
    }

    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>
    public var points: [Point] = []
    /// Drawn in order, so later lines cover earlier ones (ghost first, current last).
    public var lines: [DecisionLine] = []
    /// Cells whose centre has `w0 + w1·x + w2·y ≥ 0` get the line's style (a background colour) …
    public var shadedSide: DecisionLine?
    /// A region of any shape shaded the same way: the cells whose centre `contains` (a network's +1 output).
    public var shadedRegion: Region?
    /// … or, where a theme cannot shade with a background, this mark in every other empty cell.
    public var shadeMark: Character?
    public var cursor: (x: Double, y: Double)?
    /// Decision regions under the points: for every half-cell pixel of the plot area (row-major, two pixel
    /// rows a cell row) the class and confidence level (0–2) there; drawn as `▀` half blocks, or, when
    /// `regionsAsGlyphs`, one texture glyph a cell by class (for themes without background shades).
    public var regionPixels: [(cls: Int, level: Int)]?
    public var regionsAsGlyphs = false
    public var xLabel = "x1"

    public init(xRange: ClosedRange<Double>, yRange: ClosedRange<Double>) {
        self.xRange = xRange; self.yRange = yRange
    }

    /// Width of the y tick labels plus the axis.
    static let leftMargin = 6
    /// The x axis line and its labels.
    static let bottomMargin = 2

    /// The cells the data is drawn in, for an outer `area` that also holds the axes.
    public func mapping(in area: Rect) -> PlotMapping {
        let inner = Rect(x: area.x + Self.leftMargin, y: area.y, width: area.width - Self.leftMargin,
                         height: area.height - Self.bottomMargin)
        return PlotMapping(area: inner, xRange: xRange, yRange: yRange)
    }

    public func render(into frame: inout Frame, area: Rect, glyphs: Glyphs) {
        let map = mapping(in: area)
        guard map.area.width >= 2, map.area.height >= 2 else { return }
        drawAxes(into: &frame, map: map, glyphs: glyphs)
        if let pixels = regionPixels, pixels.count == map.area.width * map.area.height * 2 { drawRegions(pixels, into: &frame, map: map, glyphs: glyphs) }
        if let side = shadedSide { shade(into: &frame, map: map, region: Region(style: side.style) { side.value($0, $1) >= 0 }) }
        if let region = shadedRegion { shade(into: &frame, map: map, region: region) }
        for line in lines { draw(line, into: &frame, map: map, glyphs: glyphs) }
        // A point's cell gets the halo background, whatever region or side it lies on: a point coloured like
        // its own region (▲ orange on the orange region) would otherwise vanish.
        for p in points {
            guard let cell = map.cell(x: p.x, y: p.y) else { continue }
            frame[cell.column, cell.row] = Cell(p.glyph, style: p.style.background == nil ? p.style.with(background: .pointHalo) : p.style)
        }
        if let cursor, let cell = map.cell(x: cursor.x, y: cursor.y) {
            let existing = frame[cell.column, cell.row]
            let glyph = existing.character == " " ? glyphs.cursor : existing.character
            frame[cell.column, cell.row] = Cell(glyph, style: Style(existing.style.foreground == .plain ? .cursor : existing.style.foreground,
                                                                   background: .cursor, attributes: [.bold]))
        }
    }

    private func drawRegions(_ pixels: [(cls: Int, level: Int)], into frame: inout Frame, map: PlotMapping, glyphs: Glyphs) {
        RegionMap(pixels: pixels, asGlyphs: regionsAsGlyphs).render(into: &frame, area: map.area, glyphs: glyphs)
    }

    private func shade(into frame: inout Frame, map: PlotMapping, region: Region) {
        for row in map.area.y..<map.area.maxY {
            for column in map.area.x..<map.area.maxX {
                let p = map.point(column: column, row: row)
                guard region.contains(p.x, p.y) else { continue }
                if let shadeMark {
                    if (column + row) % 2 == 0 { frame[column, row] = Cell(shadeMark, style: region.style) }
                } else {
                    frame[column, row].style = region.style
                }
            }
        }
    }

    private func draw(_ line: DecisionLine, into frame: inout Frame, map: PlotMapping, glyphs: Glyphs) {
        var canvas = BrailleCanvas(columns: map.area.width, rows: map.area.height)
        // Data → dots: x = x0 + u / (2·xScale), y = y1 − v / (4·yScale).
        let sx = map.xScale * 2, sy = map.yScale * 4
        let a = line.w0 + line.w1 * map.xRange.lowerBound + line.w2 * map.yRange.upperBound
        canvas.line(a: a, b: line.w1 / sx, c: -line.w2 / sy)
        for row in 0..<canvas.rows {
            for column in 0..<canvas.columns {
                guard var ch = canvas.character(column: column, row: row, glyphs: glyphs) else { continue }
                if !glyphs.unicode, let mark = line.asciiMark { ch = mark }
                let background = frame[map.area.x + column, map.area.y + row].style.background
                frame[map.area.x + column, map.area.y + row] = Cell(ch, style: line.style.with(background: background))
            }
        }
    }

    private func drawAxes(into frame: inout Frame, map: PlotMapping, glyphs: Glyphs) {
        let axisStyle = Style(.axis)
        let axisColumn = map.area.x - 1
        for row in map.area.y..<map.area.maxY {
            frame.put(String(glyphs.vertical), column: axisColumn, row: row, style: axisStyle)
        }
        for tick in niceTicks(yRange, target: max(2, map.area.height / 4)) {
            guard let cell = map.cell(x: xRange.lowerBound, y: tick) else { continue }
            let label = formatTick(tick, glyphs: glyphs)
            frame.put(String(glyphs.teeRight), column: axisColumn, row: cell.row, style: axisStyle)
            frame.put(Line(label, Style(.label)).truncated(to: Self.leftMargin - 1, glyphs: glyphs),
                      column: max(axisColumn - label.count, axisColumn - Self.leftMargin + 1), row: cell.row)
        }
        let axisRow = map.area.maxY
        frame.put(String(glyphs.bottomLeft) + String(repeating: glyphs.horizontal, count: map.area.width),
                  column: axisColumn, row: axisRow, style: axisStyle)
        // Tick labels centred under their ticks, left to right without overlapping, none past the right edge.
        var labels: [(column: Int, text: String)] = []
        var tees: [Int] = []
        for tick in niceTicks(xRange, target: max(2, map.area.width / 8)) {
            guard let cell = map.cell(x: tick, y: yRange.lowerBound) else { continue }
            frame.put(String(glyphs.teeDown), column: cell.column, row: axisRow, style: axisStyle)
            tees.append(cell.column)
            let label = formatTick(tick, glyphs: glyphs)
            let start = min(cell.column - label.count / 2, map.area.maxX - label.count)
            if start >= (labels.last.map { $0.column + $0.text.count + 1 } ?? map.area.x - Self.leftMargin) {
                labels.append((start, label))
            }
        }
        // The axis's name never vanishes: after the last label; else in the axis line (like a box title,
        // ` x1 `) in its rightmost gap between ticks; else in place of the labels it would overlap.
        let nameStyle = Style(.label, attributes: [.bold])
        func nameFits() -> Bool { (labels.last.map { $0.column + $0.text.count + 1 } ?? map.area.x) <= map.area.maxX - xLabel.count }
        if !nameFits(), let gap = axisGap(tees: tees, map: map, width: xLabel.count + 2) {
            frame.put(" " + xLabel + " ", column: gap, row: axisRow, style: axisStyle)
            frame.put(xLabel, column: gap + 1, row: axisRow, style: nameStyle)
        } else {
            while !nameFits(), !labels.isEmpty { labels.removeLast() }
            frame.put(xLabel, column: map.area.maxX - xLabel.count, row: axisRow + 1, style: nameStyle)
        }
        for label in labels { frame.put(label.text, column: label.column, row: axisRow + 1, style: Style(.label)) }
    }

    /// The first column of the rightmost run of `width` axis-line cells with no tick in it and a line cell
    /// either side (so the run reads as a title on the line), or nil.
    private func axisGap(tees: [Int], map: PlotMapping, width: Int) -> Int? {
        var end = map.area.maxX
        for tee in tees.reversed() + [map.area.x - 1] {
            if end - tee - 2 >= width { return end - 1 - width }
            end = tee
        }
        return nil
    }
}
