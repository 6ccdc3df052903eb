import NNRender

enum HomeAction { case up, down, first, last, open, help, quit }

let homeKeyMap = KeyMap<AppState, HomeAction>(bindings: [
    KeyBinding([.up, .down, .character("k"), .character("j")], "↑↓", label: { _ in "move" },
               help: "select the previous / next scenario (also k / j)") { $0 == .up || $0 == .character("k") ? .up : .down },
    KeyBinding([.home, .end], "Home End", label: { _ in "first/last" }, help: "select the first / last scenario",
               inBar: { _ in false }) { $0 == .home ? .first : .last },
    KeyBinding([.enter, .right, .character("l")], "Enter", "open", help: "open the selected scenario",
               enabled: { !$0.homeEntries.isEmpty }, .open),
    KeyBinding([.character("?")], "?", "help", help: "show this help", essential: true, .help),
    KeyBinding([.character("q"), .escape], "q", "quit", help: "quit nnx", essential: true, .quit),
])

/// Where the home screen's list goes: two rows an entry (title, then summary), scrolled to keep the
/// selection visible. A click on either row opens the entry.
struct HomeLayout {
    static let minimum = Size(width: 40, height: 10)
    static let rowsPerEntry = 2
    let listTop = 3
    let size: Size
    var visibleEntries: Int { max(1, (size.height - listTop - 2) / Self.rowsPerEntry) }
    /// The first entry shown, so that the selection stays visible.
    func firstVisible(selection: Int, count: Int) -> Int {
        max(0, min(selection - visibleEntries / 2, count - visibleEntries))
    }
    /// The entry drawn at `row`, if any.
    func entry(atRow row: Int, selection: Int, count: Int) -> Int? {
        guard row >= listTop else { return nil }
        let offset = (row - listTop) / Self.rowsPerEntry
        let index = firstVisible(selection: selection, count: count) + offset
        return offset < visibleEntries && index < count ? index : nil
    }
}

func updateHome(_ state: inout AppState, _ msg: Msg) {
    let action: HomeAction?
    switch msg {
    case .key(let key): action = homeKeyMap.action(for: key, in: state)
    case .mouse(_, let row, .left):
        guard let index = HomeLayout(size: state.size).entry(atRow: row, selection: state.homeSelection,
                                                             count: state.homeEntries.count) else { return }
        state.homeSelection = index
        action = .open
    default: action = nil
    }
    guard let action else { return }
    let count = state.homeEntries.count
    switch action {
    case .up: state.homeSelection = max(0, state.homeSelection - 1)
    case .down: state.homeSelection = min(max(0, count - 1), state.homeSelection + 1)
    case .first: state.homeSelection = 0
    case .last: state.homeSelection = max(0, count - 1)
    case .help: state.showHelp = true
    case .quit: state.quit()
    case .open:
        guard state.homeSelection < count else { return }
        if case .success(let scenario) = state.homeEntries[state.homeSelection].scenario {
            state.screen = .explorer(for: scenario)
        }
    }
}

func viewHome(_ state: AppState, into frame: inout Frame) {
    let g = state.glyphs
    let layout = HomeLayout(size: state.size)
    let width = state.size.width
    frame.put(Line(" nnx \(g.middleDot) a terminal neural-network explorer", Style(.title)).truncated(to: width, glyphs: g),
              column: 0, row: 0)
    frame.put(" Scenarios (\(state.homeEntries.count))", column: 0, row: 2, style: Style(.panelTitle))
    let first = layout.firstVisible(selection: state.homeSelection, count: state.homeEntries.count)
    for (offset, entry) in state.homeEntries.dropFirst(first).prefix(layout.visibleEntries).enumerated() {
        let index = first + offset
        let row = layout.listTop + offset * HomeLayout.rowsPerEntry
        let selected = index == state.homeSelection
        let marker = selected ? (g.unicode ? " ▸ " : " > ") : "   "
        let failed: Bool = if case .failure = entry.scenario { true } else { false }
        let style = selected ? Style(.selection) : Style(failed ? .bad : .plain)
        if selected { frame.fill(Rect(x: 0, y: row, width: width, height: 1), with: Cell(" ", style: style)) }
        let name = Line([Span(marker + entry.title, style.adding(.bold)), Span("  " + entry.fileName, selected ? style : Style(.dim))])
        frame.put(name.truncated(to: width, glyphs: g), column: 0, row: row)
        frame.put(Line("     " + entry.summary, Style(failed ? .bad : .dim)).truncated(to: width, glyphs: g), column: 0, row: row + 1)
    }
    // The selection's whole summary, wrapped, where rows are left below the list.
    let shown = min(layout.visibleEntries, state.homeEntries.count)
    let top = layout.listTop + shown * HomeLayout.rowsPerEntry + 1
    if state.homeSelection < state.homeEntries.count, top < state.size.height - 2 {
        let summary = wrap(g.fold(state.homeEntries[state.homeSelection].summary), width: width - 6)
        for (i, text) in summary.prefix(state.size.height - 1 - top).enumerated() {
            frame.put(text, column: 3, row: top + i, style: Style(.emphasis))
        }
    }
    KeyHintBar(hints: homeKeyMap.barHints(state)).render(into: &frame, row: state.size.height - 1, area: frame.bounds, glyphs: g)
}
