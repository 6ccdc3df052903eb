import CNCurses
import NNRender

/// Draws frames into an ncurses window: resolves styles through the theme, turns palette colours into colour
/// pairs (allocated on demand, cached) and writes each row with one `mvwadd_wchnstr`. ncurses diffs the result
/// against the terminal on `doupdate`, so drawing the whole frame every time is cheap.
final class CursesScreen {
    let window: UnsafeMutablePointer<WINDOW>
    /// Palette colours usable (0 when the terminal has no colour or `start_color` failed).
    let colors: Int
    let unicode: Bool
    private let defaultColors: Bool
    private let pairCapacity: Int

    private var theme: Theme?
    private var styleCache: [Style: (attributes: attr_t, pair: Int32)] = [:]
    private var pairCache: [PairKey: Int32] = [:]
    private var pairTableOverflowed = false
    private var row: [cchar_t] = []
    private let wide = UnsafeMutablePointer<wchar_t>.allocate(capacity: 2)

    private struct PairKey: Hashable { var foreground: Int32; var background: Int32 }

    /// Sets up colours (when the terminal has them) on the current screen.
    init(window: UnsafeMutablePointer<WINDOW>, unicode: Bool) {
        self.window = window
        self.unicode = unicode
        // `alloc_pair` segfaults when colour is unusable: only touch pairs behind this guard.
        if has_colors() && start_color() == OK && nnx_colors() > 0 {
            colors = Int(nnx_colors())
            defaultColors = use_default_colors() == OK
            pairCapacity = max(0, Int(nnx_color_pairs()) - 1)
        } else {
            colors = 0
            defaultColors = false
            pairCapacity = 0
        }
        wide.initialize(repeating: 0, count: 2)
    }

    deinit { wide.deallocate() }

    var size: Size { Size(width: Int(getmaxx(window)), height: Int(getmaxy(window))) }

    func draw(_ frame: Frame, theme: Theme) {
        if theme != self.theme {
            self.theme = theme
            styleCache.removeAll(keepingCapacity: true)
        }
        if pairTableOverflowed {
            // The previous frame needed more pairs than the table holds: start the table afresh.
            reset_color_pairs()
            pairCache.removeAll(keepingCapacity: true)
            styleCache.removeAll(keepingCapacity: true)
            pairTableOverflowed = false
        }
        werase(window)
        let size = self.size
        let width = min(frame.width, size.width), height = min(frame.height, size.height)
        guard width > 0, height > 0 else { return }
        if row.count < width { row = Array(repeating: cchar_t(), count: width) }
        for y in 0..<height {
            // A wide character's second column is filled by ncurses: its cell is left out.
            var count = 0
            for x in 0..<width {
                let cell = frame[x, y]
                if cell.character == Cell.wideTail { continue }
                let (attributes, pair) = look(of: cell.style, theme: theme)
                wide[0] = scalar(for: cell.character)
                var pairNumber = pair
                _ = withUnsafePointer(to: &pairNumber) { pairPointer in
                    // The pair goes through `opts` (an int*): the short parameter keeps only numbers below 32768
                    // and COLOR_PAIR() only 8 bits.
                    setcchar(&row[count], wide, attributes, 0, pairPointer)
                }
                count += 1
            }
            // Does not move the cursor, so the bottom-right cell neither scrolls nor fails.
            _ = row.withUnsafeBufferPointer { mvwadd_wchnstr(window, Int32(y), 0, $0.baseAddress, Int32(count)) }
        }
    }

    func present() {
        wnoutrefresh(window)
        doupdate()
    }

    /// The character ncurses gets for a cell: its first Unicode scalar; control characters become blanks
    /// (curses would draw them as two-cell `^X`), and non-ASCII ones `?` when the locale cannot show them.
    func scalar(for character: Character) -> wchar_t {
        Self.cellScalar(for: character, unicode: unicode)
    }

    static func cellScalar(for character: Character, unicode: Bool) -> wchar_t {
        guard let value = character.unicodeScalars.first?.value else { return 32 }
        if value < 32 || (value >= 127 && value < 160) { return 32 }
        if !unicode && value >= 128 { return 63 }
        return wchar_t(bitPattern: value)
    }

    private func look(of style: Style, theme: Theme) -> (attributes: attr_t, pair: Int32) {
        if let cached = styleCache[style] { return cached }
        let resolved = theme.resolve(style)
        var attributes = nnx_a_normal()
        if resolved.attributes.contains(.bold) { attributes |= nnx_a_bold() }
        if resolved.attributes.contains(.dim) { attributes |= nnx_a_dim() }
        if resolved.attributes.contains(.reverse) { attributes |= nnx_a_reverse() }
        if resolved.attributes.contains(.underline) { attributes |= nnx_a_underline() }
        let result = (attributes, pair(foreground: resolved.foreground, background: resolved.background))
        styleCache[style] = result
        return result
    }

    private func colorNumber(_ color: PaletteColor, isForeground: Bool) -> Int32 {
        let number: Int32
        switch color {
        case .terminalDefault: number = -1
        case .indexed(let index): number = ColorDowngrade.colorNumber(index, colors: colors)
        case .rgb(let color): number = ColorDowngrade.colorNumber(color, colors: colors)
        }
        // Without use_default_colors, −1 is not a valid colour: fall back to white on black.
        if number < 0 && !defaultColors { return isForeground ? COLOR_WHITE : COLOR_BLACK }
        return number
    }

    private func pair(foreground: PaletteColor, background: PaletteColor) -> Int32 {
        guard colors > 0 else { return 0 }
        let key = PairKey(foreground: colorNumber(foreground, isForeground: true),
                          background: colorNumber(background, isForeground: false))
        if key.foreground == -1 && key.background == -1 { return 0 }
        if let cached = pairCache[key] { return cached }
        // alloc_pair would recycle a pair still on screen once the table is full: use the default pair instead
        // and start the table afresh at the next frame.
        guard pairCache.count < pairCapacity else {
            pairTableOverflowed = true
            return 0
        }
        let number = alloc_pair(key.foreground, key.background)
        guard number > 0 else { return 0 }
        pairCache[key] = number
        return number
    }
}
