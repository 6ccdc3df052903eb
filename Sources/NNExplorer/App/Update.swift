import NNRender

/// The one place state changes: a message in, the next state out. Pure: no clock, no terminal, no randomness.
public func update(_ state: inout AppState, _ msg: Msg) {
    switch msg {
    case .resize(let size):
        state.size = size
        let context = state.viewContext
        state.screen.withExplorer { $0.resized(context) }
        return
    case .tick:
        guard state.fitsTerminal else { return }   // nothing plays unseen
        state.screen.withExplorer { $0.tick() }
        return
    case .work:
        state.screen.withExplorer { $0.work() }
        return
    case .clock(let milliseconds):
        state.screen.withExplorer { $0.clock(milliseconds) }
        return
    case .key, .mouse, .drag:
        state.flash = nil
    }
    // Below the minimum size nothing is visible, so nothing may change unseen: only q works.
    if !state.fitsTerminal {
        if msg == .key(.character("q")) { state.quit() }
        return
    }
    if state.showHelp {
        // ↑/↓/PgUp/PgDn scroll a help too long for the screen; any other key or click closes it.
        let most = state.help.maxScroll(area: Rect(x: 0, y: 0, width: state.size.width, height: state.size.height), glyphs: state.glyphs)
        let page = max(1, state.size.height - 5)
        let moves: [Key: Int] = [.up: -1, .down: 1, .pageUp: -page, .pageDown: page]
        if most > 0, case .key(let key) = msg, let move = moves[key] {
            state.helpScroll = min(most, max(0, state.helpScroll + move))
            return
        }
        state.showHelp = false
        return
    }
    let outcome: ScreenOutcome
    let context = state.viewContext
    if let explored = state.screen.withExplorer({ $0.update(msg, context: context) }) {
        outcome = explored
    } else if case .lesson(var l) = state.screen {
        outcome = updateLesson(&l, msg)
        state.screen = .lesson(l)
    } else {
        updateHome(&state, msg)
        return
    }
    switch outcome {
    case .none: break
    case .help: state.showHelp = true
    case .back: if state.startedOnScenario { state.quit() } else { state.screen = .home }
    case .explore: if let lesson = state.lesson { state.screen = lesson.explorerForFreeExploration }
    case .togglePanels: state.panelsHidden.toggle()
    case .nextTheme: state.cycleTheme()
    case .flash(let remark): state.flash = remark
    }
}

/// What a screen asks of the app after handling a message.
enum ScreenOutcome: Equatable { case none, help, back, explore, togglePanels, nextTheme, flash(String) }
