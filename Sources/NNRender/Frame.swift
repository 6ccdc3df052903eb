/// A grid of cells: what every view renders into and every sink (ncurses, text, ANSI) draws from.
public struct Frame: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }
    public init(size: Size) { self.init(width: size.width, height: size.height) }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(column: Int, row: Int) -> Cell {
        get { contains(column: column, row: row) ? cells[row * width + column] : .blank }
        set {
            guard column >= 0, column < width, row >= 0, row < height else { return }
            cells[row * width + column] = newValue
        }
    }

    public func contains(column: Int, row: Int) -> Bool {
        column >= 0 && column < width && row >= 0 && row < height
    }

    /// Writes `text` from (column, row), clipped to `clip` (default: the whole frame). Returns the column after the text.
    @discardableResult
    public mutating func put(_ text: String, column: Int, row: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let area = clip ?? bounds
        guard row >= area.y, row < area.maxY, row >= 0, row < height else { return column + text.columns }
        var c = column
        let left = max(area.x, 0), right = min(area.maxX, width)
        for ch in text {
            let columns = ch.columns
            if c >= left && c + columns <= right {
                setCell(row * width + c, Cell(ch, style: style))
                if columns == 2 { setCell(row * width + c + 1, Cell(Cell.wideTail, style: style)) }
            } else if c >= left && c < right {
                setCell(row * width + c, Cell(" ", style: style))   // half a wide character does not fit
            }
            c += columns
        }
        return c
    }

    /// Sets a cell, blanking the other half of a wide character it cuts in two.
    private mutating func setCell(_ index: Int, _ cell: Cell) {
        if cells[index].character == Cell.wideTail, index % width > 0, cell.character != Cell.wideTail {
            cells[index - 1].character = " "
        }
        if index % width + 1 < width, cells[index + 1].character == Cell.wideTail, cells[index].character.columns == 2 {
            cells[index + 1].character = " "
        }
        cells[index] = cell
    }

    public mutating func fill(_ area: Rect, with cell: Cell = .blank) {
        for row in max(0, area.y)..<max(max(0, area.y), min(height, area.maxY)) {
            for column in max(0, area.x)..<max(max(0, area.x), min(width, area.maxX)) {
                cells[row * width + column] = cell
            }
        }
    }

    /// One row's characters.
    public func text(row: Int) -> String {
        String(cells[(row * width)..<((row + 1) * width)].lazy.map(\.character).filter { $0 != Cell.wideTail })
    }

    /// The text dump used by snapshots: one quoted row per line, so trailing blanks show.
    public var textDump: String {
        (0..<height).map { "\"" + text(row: $0) + "\"" }.joined(separator: "\n") + "\n"
    }

    /// Plain rows with trailing blanks trimmed (for `nnx render` and humans).
    public var plainText: String {
        (0..<height).map { row in
            var line = text(row: row)
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n") + "\n"
    }
}
