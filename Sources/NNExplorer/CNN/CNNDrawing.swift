import NNCore
import NNRender

extension CNNExplorer {
    /// `d`: opens the canvas (blank at first, then as it was left), whose drawing becomes the probe, or closes it.
    mutating func toggleDrawing() {
        if drawing { drawing = false; return }
        closeViews()
        let shape = network.inputShape
        if canvas == nil { canvas = DrawingCanvas(channels: shape[0], rows: shape[1], columns: shape[2]) }
        drawing = true
        if shape[0] > 1 { note = "a grey drawing, the same in all \(shape[0]) input maps" }
    }

    mutating func clearDrawing() { canvas?.clear() }

    /// The probe's own name when it is not a labelled image: the drawing, or the teacher's picture.
    var probeName: String? {
        drawing ? "your drawing" : probeImage.label == Self.pictureLabel ? "your picture" : nil
    }

    /// What the maps box's title says the probe is.
    var probeTitle: String { drawing ? "your drawing" : "image \(probe + 1) of \(images.count)" }

    /// A trained network's probabilities before its first batch.
    var untrained: Bool { trainer.map { $0.steps == 0 } ?? false }
}

/// Where the canvas goes: a box down the left of the maps box, the canvas zoomed as much as leaves the stages
/// room beside it, the help below it; the stages take the rest.
struct CanvasLayout {
    let box: Rect, stagesBox: Rect
    /// The canvas's top-left cell and the cells a pixel takes across (1, 2 or 4; a cell holds 2 pixel rows at 1).
    let origin: (column: Int, row: Int), zoom: Int
    /// Rows of help under the canvas, at least.
    static let textRows = 4
    /// Columns of help text at least (a canvas narrower than this still gets them).
    static let textWidth = 20
    /// The stages are drawn beside the canvas only when they get at least this many columns.
    static let stagesWidth = 24

    init(_ canvas: DrawingCanvas, in maps: Rect) {
        func size(_ z: Int) -> Size {
            Size(width: max(canvas.columns * z, Self.textWidth) + 2, height: (canvas.rows * z + 1) / 2 + Self.textRows + 2)
        }
        let fits = { (z: Int) in size(z).height <= maps.height && size(z).width <= maps.width }
        zoom = [4, 2].first { fits($0) && maps.width - size($0).width >= Self.stagesWidth } ?? 1
        // Without room for the stages beside it, the canvas's box takes the whole width.
        let rest = maps.width - min(size(zoom).width, maps.width)
        box = Rect(x: maps.x, y: maps.y, width: rest >= Self.stagesWidth ? maps.width - rest : maps.width, height: maps.height)
        stagesBox = rest >= Self.stagesWidth ? Rect(x: box.maxX, y: maps.y, width: rest, height: maps.height) : Rect(x: maps.maxX, y: maps.y, width: 0, height: 0)
        origin = (box.x + 1, box.y + 1)
    }

    init(_ p: CNNExplorer, _ canvas: DrawingCanvas, size: Size, panelsHidden: Bool) {
        self.init(canvas, in: CNNLayout(p, size: size, panelsHidden: panelsHidden).mapsBox)
    }

    /// The pixel under a cell, nil off the canvas: its column's pixel, and for a cell of two pixel rows the
    /// point between them (the brush covers both alike).
    func point(column: Int, row: Int, on canvas: DrawingCanvas) -> CanvasPoint? {
        let x = column - origin.column, y = row - origin.row
        guard x >= 0, y >= 0, x < canvas.columns * zoom, y < (canvas.rows * zoom + 1) / 2 else { return nil }
        let pixelRow = zoom == 1 ? min(Double(2 * y) + 0.5, Double(canvas.rows - 1)) : Double(2 * y / zoom)
        return CanvasPoint(row: pixelRow, column: Double(x / zoom))
    }
}

/// The canvas's own input while it is open: the mouse paints (left button) and erases (right) on it, the
/// arrows move its cursor and space paints there. Returns false for what the key map handles.
func updateDrawing(_ p: inout CNNExplorer, _ msg: Msg, context: ViewContext) -> Bool {
    guard p.drawing, var canvas = p.canvas else { return false }
    defer { p.canvas = canvas }
    let layout = CanvasLayout(p, canvas, size: context.size, panelsHidden: context.panelsHidden)
    switch msg {
    case .mouse(let column, let row, let button), .drag(let column, let row, let button):
        guard button != .middle, let point = layout.point(column: column, row: row, on: canvas) else { return true }
        p.note = nil
        if case .mouse = msg { canvas.press(at: point, erase: button == .right) } else { canvas.drag(to: point, erase: button == .right) }
    case .key(.up): canvas.moveCursor(rows: -1, columns: 0)
    case .key(.down): canvas.moveCursor(rows: 1, columns: 0)
    case .key(.left): canvas.moveCursor(rows: 0, columns: -1)
    case .key(.right): canvas.moveCursor(rows: 0, columns: 1)
    case .key(.character(" ")): canvas.dabAtCursor(erase: false)
    case .key(.backspace), .key(.delete): canvas.dabAtCursor(erase: true)
    default: return false
    }
    return true
}

/// The canvas in its box (the cursor marked), how to draw under it, and the stages of the drawing beside it.
func drawDrawing(_ p: CNNExplorer, _ canvas: DrawingCanvas, _ outputs: [Tensor], in maps: Rect, screen: Size, glyphs g: Glyphs,
                 shades: Bool, into frame: inout Frame) {
    let layout = CanvasLayout(canvas, in: maps)
    let times = g.unicode ? "×" : "x"
    frame.drawBox(layout.box, title: "draw \(canvas.rows)\(times)\(canvas.columns) \(g.middleDot) d closes", glyphs: g)
    let map = MatrixHeatmap(rows: canvas.rows, columns: canvas.columns, values: canvas.pixels, scale: .grey(low: 0, high: 1))
        .zoomed(layout.zoom)
    map.render(into: &frame, at: layout.origin, shades: shades, glyphs: g)
    // The cursor: `+` on a pixel one cell wide, brackets around a wider one (its shade between them).
    let cursorRow = layout.origin.row + canvas.cursorRow * layout.zoom / 2
    let cursorColumn = layout.origin.column + canvas.cursorColumn * layout.zoom
    if layout.zoom == 1 {
        frame[cursorColumn, cursorRow] = Cell("+", style: Style(.cursor))
    } else {
        frame[cursorColumn, cursorRow] = Cell("[", style: Style(.cursor))
        frame[cursorColumn + layout.zoom - 1, cursorRow] = Cell("]", style: Style(.cursor))
    }
    let inner = layout.box.inset(1)
    let mapHeight = map.size().height
    // Most important first, for the rows a small terminal leaves: whether the probabilities mean anything,
    // how to draw, where the stages went.
    var help = p.untrained ? [Line("untrained: the probabilities mean nothing yet", Style(.warning))] : []
    help.append(Line("drag paints, right button erases; or arrows, space, Bksp; x clears", Style(.dim)))
    if layout.stagesBox.width == 0 { help.append(Line("h: hide the panel for the stages", Style(.dim))) }
    let lines = help.flatMap { line in wrap(g.fold(line.text), width: inner.width).map { Line($0, line.spans.first?.style ?? Style(.dim)) } }
    for (i, line) in lines.prefix(inner.height - mapHeight).enumerated() {
        frame.put(line, column: inner.x, row: inner.y + mapHeight + i)
    }
    if layout.stagesBox.width > 0 {
        drawStages(p, outputs, in: layout.stagesBox, screen: screen, glyphs: g, shades: shades, into: &frame)
    }
}
