import NNCore

/// A point on the canvas in pixels: row and column of a pixel's centre, or between centres.
public struct CanvasPoint: Sendable, Hashable {
    public var row: Double, column: Double
    public init(row: Double, column: Double) { self.row = row; self.column = column }
}

/// A digit drawn by hand at the network's input size: ink 0 (black) to 1 (full), as the training images hold
/// it (optdigits' 0…16 scaled to 0…1; the generated digits' strokes are 1), painted with a soft round brush by
/// the mouse or at a keyboard cursor. A network with several input maps gets the same grey in each.
public struct DrawingCanvas: Sendable, Hashable {
    public let channels: Int, rows: Int, columns: Int
    public private(set) var pixels: [Double]
    /// The keyboard cursor's pixel.
    public private(set) var cursorRow: Int, cursorColumn: Int
    /// Where the stroke being dragged was last painted (nil between strokes): a drag paints the line from it.
    private var strokeEnd: CanvasPoint?

    public init(channels: Int, rows: Int, columns: Int) {
        self.channels = channels; self.rows = rows; self.columns = columns
        pixels = Array(repeating: 0, count: rows * columns)
        cursorRow = rows / 2; cursorColumn = columns / 2
    }

    /// The brush paints full ink within this many pixels of its centre: a stroke about as wide as the
    /// training digits' (2 pixels of 8, with soft edges; 3–5 of 32).
    public var brushCore: Double { max(0.5, Double(max(rows, columns)) / 16 - 0.5) }

    /// The brush's ink at distance `d` from its centre: full within the core, falling linearly to none one
    /// pixel further out (a soft edge, as a pen's on a scanned digit).
    public func brush(atDistance d: Double) -> Double { min(1, max(0, brushCore + 1 - d)) }

    /// The pixels the arrows move the cursor by: one on small inputs, about half a stroke on large ones.
    public var cursorStep: Int { max(1, max(rows, columns) / 16) }

    /// The drawing as the network's input.
    public var image: Tensor {
        Tensor(channels: channels, height: rows, width: columns, values: Array([[Double]](repeating: pixels, count: channels).joined()))
    }

    /// One dab of the brush: painting keeps each pixel's ink or the brush's, whichever is more; erasing
    /// leaves at most what the brush does not cover (1 − its ink).
    public mutating func dab(at centre: CanvasPoint, erase: Bool = false) {
        let reach = brushCore + 1
        let top = max(0, Int((centre.row - reach).rounded(.up))), bottom = min(rows - 1, Int((centre.row + reach).rounded(.down)))
        let left = max(0, Int((centre.column - reach).rounded(.up))), right = min(columns - 1, Int((centre.column + reach).rounded(.down)))
        guard top <= bottom, left <= right else { return }
        for r in top...bottom {
            for c in left...right {
                let dy = Double(r) - centre.row, dx = Double(c) - centre.column
                let ink = brush(atDistance: (dy * dy + dx * dx).squareRoot())
                guard ink > 0 else { continue }
                let i = r * columns + c
                pixels[i] = erase ? min(pixels[i], 1 - ink) : max(pixels[i], ink)
            }
        }
    }

    /// A new stroke: one dab where the button went down.
    public mutating func press(at point: CanvasPoint, erase: Bool) {
        dab(at: point, erase: erase)
        strokeEnd = point
    }

    /// The stroke dragged on to `point`: dabs every half pixel along the way, so a fast drag leaves no gaps.
    public mutating func drag(to point: CanvasPoint, erase: Bool) {
        guard let from = strokeEnd else { return press(at: point, erase: erase) }
        let dy = point.row - from.row, dx = point.column - from.column
        let steps = max(1, Int((2 * max(abs(dy), abs(dx))).rounded(.up)))
        for s in 1...steps {
            let t = Double(s) / Double(steps)
            dab(at: CanvasPoint(row: from.row + t * dy, column: from.column + t * dx), erase: erase)
        }
        strokeEnd = point
    }

    /// Moves the keyboard cursor by `cursorStep` pixels a unit, staying on the canvas.
    public mutating func moveCursor(rows down: Int, columns right: Int) {
        cursorRow = min(rows - 1, max(0, cursorRow + down * cursorStep))
        cursorColumn = min(columns - 1, max(0, cursorColumn + right * cursorStep))
    }

    /// A dab at the keyboard cursor.
    public mutating func dabAtCursor(erase: Bool) {
        dab(at: CanvasPoint(row: Double(cursorRow), column: Double(cursorColumn)), erase: erase)
        strokeEnd = nil
    }

    public mutating func clear() {
        pixels = Array(repeating: 0, count: rows * columns)
        strokeEnd = nil
    }
}
