import NNRender

enum HomeAction { case up, down, first, last, open, filter, help, quit, sayHowToQuit, nextTheme }

let homeKeyMap = KeyMap<AppState, HomeAction>(bindings: [
    KeyBinding([.up, .down, .character("k"), .character("j")], "↑↓", label: { _ in "move" },
               help: "select the previous / next scenario (also k / j)") { $0 == .up || $0 == .character("k") ? .up : .down },
    KeyBinding([.home, .end], "Home End", label: { _ in "first/last" }, help: "select the first / last scenario",
               inBar: { _ in false }) { $0 == .home ? .first : .last },
    KeyBinding([.enter, .right, .character("l")], "Enter", "start", help: "start the selected lesson or scenario",
               enabled: { !$0.homeEntries.isEmpty }, .open),
    KeyBinding([.character("/")], "/", "filter", help: "filter the list: type words, Enter starts the selection, Esc clears", .filter),
    KeyBinding([.character("C")], "C", "colours", help: "the next colour theme: standard, high-contrast, light, 8-color, monochrome",
               inBar: { _ in false }, .nextTheme),
    KeyBinding([.character("?")], "?", "help", help: "show this help", essential: true, .help),
    KeyBinding([.character("q")], "q", "quit", help: "quit nnx", essential: true, .quit),
    // Esc backs out of a lesson and of an explorer; here, with nothing to back out of, it does not quit (one
    // Esc too many would), it says how to.
    KeyBinding([.escape], "Esc", "clear", help: "clear the filter (without one: says that q quits)", inBar: { _ in false }, .sayHowToQuit),
])

/// One line group of the home list: a section's heading (one row) or an entry (two rows: title, summary).
enum HomeRow: Equatable {
    case heading(String)
    case entry(Int)
    var height: Int { if case .heading = self { 1 } else { HomeLayout.rowsPerEntry } }
}

extension AppState {
    /// Whether an entry matches the filter (every word, in its title, summary or file name).
    func matchesFilter(_ entry: HomeEntry) -> Bool {
        guard let filter = homeFilter, !filter.isEmpty else { return true }
        let haystack = (entry.title + " " + entry.summary + " " + entry.fileName).lowercased()
        return filter.lowercased().split(separator: " ").allSatisfy { haystack.contains($0) }
    }

    /// The entries shown, by index into `homeEntries`, in order.
    var visibleHomeEntries: [Int] { homeEntries.indices.filter { matchesFilter(homeEntries[$0]) } }

    /// The list as drawn: lessons by chapter, then the scenarios to explore freely.
    var homeRows: [HomeRow] {
        let shown = visibleHomeEntries
        let lessons = shown.filter { homeEntries[$0].isLesson }
        let others = shown.filter { !homeEntries[$0].isLesson }
        var rows: [HomeRow] = []
        if !lessons.isEmpty { rows.append(.heading("Lessons, in the lecture's order")); rows += lessons.map(HomeRow.entry) }
        if !others.isEmpty { rows.append(.heading("Explore freely")); rows += others.map(HomeRow.entry) }
        return rows
    }
}

/// Where the home screen's list goes, scrolled to keep the selection visible. A click on either row of an
/// entry starts it.
struct HomeLayout {
    static let minimum = Size(width: 40, height: 10)
    static let rowsPerEntry = 2
    let listTop = 3
    let size: Size
    var listHeight: Int { max(2, size.height - listTop - 2) }

    /// The first list row drawn, so that the selected entry is in view (centred when the list is long).
    func firstRow(_ rows: [HomeRow], selection: Int) -> Int {
        let total = rows.reduce(0) { $0 + $1.height }
        var at = 0
        for row in rows {
            if row == .entry(selection) { break }
            at += row.height
        }
        return max(0, min(at - listHeight / 2, total - listHeight))
    }

    /// (screen row, list row) pairs drawn, from the top of the list.
    func placed(_ rows: [HomeRow], selection: Int) -> [(y: Int, row: HomeRow)] {
        let first = firstRow(rows, selection: selection)
        var result: [(Int, HomeRow)] = []
        var at = 0
        for row in rows {
            let y = listTop + at - first
            if y >= listTop, y + row.height <= listTop + listHeight { result.append((y, row)) }
            at += row.height
        }
        return result
    }

    /// How many entries the scrolled list leaves out above and below what is drawn.
    func hiddenEntries(_ rows: [HomeRow], selection: Int) -> (above: Int, below: Int) {
        let drawn = placed(rows, selection: selection).map(\.row)
        guard let first = drawn.first.flatMap({ rows.firstIndex(of: $0) }),
              let last = drawn.last.flatMap({ rows.lastIndex(of: $0) }) else { return (0, 0) }
        func entries(_ part: ArraySlice<HomeRow>) -> Int { part.filter { if case .entry = $0 { true } else { false } }.count }
        return (entries(rows[..<first]), entries(rows[(last + 1)...]))
    }

    /// The entry drawn at screen `row`, if any.
    func entry(atRow row: Int, rows: [HomeRow], selection: Int) -> Int? {
        for (y, item) in placed(rows, selection: selection) {
            if case .entry(let index) = item, row >= y, row < y + item.height { return index }
        }
        return nil
    }
}

func updateHome(_ state: inout AppState, _ msg: Msg) {
    if let filter = state.homeFilter, case .key(let key) = msg, key != .enter, key != .up, key != .down {
        switch key {
        case .character(let c) where !c.isNewline: state.homeFilter = filter + String(c)
        case .backspace: state.homeFilter = String(filter.dropLast())
        case .escape: state.homeFilter = nil
        default: return
        }
        // Keep the selection on a shown entry.
        let shown = state.visibleHomeEntries
        if !shown.contains(state.homeSelection), let first = shown.first { state.homeSelection = first }
        return
    }
    let action: HomeAction?
    switch msg {
    case .key(let key): action = homeKeyMap.action(for: key, in: state)
    case .mouse(_, let row, .left):
        guard let index = HomeLayout(size: state.size).entry(atRow: row, rows: state.homeRows, selection: state.homeSelection) else { return }
        state.homeSelection = index
        action = .open
    default: action = nil
    }
    guard let action else { return }
    let shown = state.visibleHomeEntries
    let position = shown.firstIndex(of: state.homeSelection) ?? 0
    switch action {
    case .up: if position > 0 { state.homeSelection = shown[position - 1] }
    case .down: if position + 1 < shown.count { state.homeSelection = shown[position + 1] }
    case .first: if let first = shown.first { state.homeSelection = first }
    case .last: if let last = shown.last { state.homeSelection = last }
    case .filter: state.homeFilter = state.homeFilter ?? ""
    case .help: state.showHelp = true
    case .quit: state.quit()
    case .sayHowToQuit: state.flash = "q quits nnx"
    case .nextTheme: state.cycleTheme()
    case .open:
        guard shown.contains(state.homeSelection) else { return }
        guard let scenario = state.homeEntries[state.homeSelection].load() else {
            state.flash = "cannot open it: below is why"
            return
        }
        state.homeFilter = nil
        state.screen = .opening(scenario)
    }
}

func viewHome(_ state: AppState, into frame: inout Frame) {
    let g = state.glyphs
    let layout = HomeLayout(size: state.size)
    let width = state.size.width
    frame.put(Line(" nnx \(g.middleDot) a terminal neural-network explorer", Style(.title)).truncated(to: width, glyphs: g),
              column: 0, row: 0)
    let shown = state.visibleHomeEntries
    let heading: Line
    if let filter = state.homeFilter {
        heading = Line([Span(" filter: ", Style(.panelTitle)), Span(filter + "_", Style(.emphasis)),
                        Span("  \(shown.count) of \(state.homeEntries.count) match \(g.middleDot) Enter starts \(g.middleDot) Esc clears", Style(.dim))])
    } else {
        heading = Line(" \(state.homeEntries.filter(\.isLesson).count) lessons and \(state.homeEntries.filter { !$0.isLesson }.count) scenarios", Style(.panelTitle))
    }
    let rows = state.homeRows
    // A scrolled list says what it leaves out: above, at the end of the heading row; below, under the list.
    let hidden = layout.hiddenEntries(rows, selection: state.homeSelection)
    let above = hidden.above > 0 ? g.fold(Line("\u{2191} \(hidden.above) more above ", Style(.emphasis))) : Line("")
    frame.put(g.fold(heading).truncated(to: max(0, width - above.width - 1), glyphs: g), column: 0, row: 2)
    frame.put(above.truncated(to: width, glyphs: g), column: max(0, width - above.width), row: 2)
    if hidden.below > 0 {
        let below = g.fold(Line("\u{2193} \(hidden.below) more below ", Style(.emphasis)))
        frame.put(below.truncated(to: width, glyphs: g), column: max(0, width - below.width), row: layout.listTop + layout.listHeight)
    }
    var lastY = layout.listTop
    for (y, row) in layout.placed(rows, selection: state.homeSelection) {
        lastY = y + row.height
        switch row {
        case .heading(let text):
            frame.put(Line(" " + text, Style(.panelTitle, attributes: [.bold])).truncated(to: width, glyphs: g), column: 0, row: y)
        case .entry(let index):
            let entry = state.homeEntries[index]
            let selected = index == state.homeSelection
            let marker = selected ? (g.unicode ? " ▸ " : " > ") : "   "
            let failed = entry.failure != nil
            let style = selected ? Style(.selection) : Style(failed ? .bad : .plain)
            if selected { frame.fill(Rect(x: 0, y: y, width: width, height: 1), with: Cell(" ", style: style)) }
            let name = Line([Span(marker + g.fold(entry.title), style.adding(.bold)), Span("  " + entry.fileName, selected ? style : Style(.dim))])
            frame.put(name.truncated(to: width, glyphs: g), column: 0, row: y)
            frame.put(Line("     " + g.fold(entry.summary), Style(failed ? .bad : .dim)).truncated(to: width, glyphs: g), column: 0, row: y + 1)
        }
    }
    if shown.isEmpty {
        frame.put(Line("   nothing matches: Backspace or Esc", Style(.dim)), column: 0, row: layout.listTop)
    }
    // The selection's whole summary, wrapped, where rows are left below the list.
    let top = lastY + 1
    if shown.contains(state.homeSelection), top < state.size.height - 2 {
        let summary = wrap(g.fold(state.homeEntries[state.homeSelection].summary), width: width - 6)
        for (i, text) in summary.prefix(state.size.height - 1 - top).enumerated() {
            frame.put(text, column: 3, row: top + i, style: Style(.emphasis))
        }
    }
    KeyHintBar(hints: homeKeyMap.barHints(state)).render(into: &frame, row: state.size.height - 1, area: frame.bounds, glyphs: g)
}
