import NNRender

/// The one place state changes: a message in, the next state out. Pure: no clock, no terminal, no randomness.
public func update(_ state: inout AppState, _ msg: Msg) {
    switch msg {
    case .resize(let size):
        state.size = size
        if case .perceptron(var p) = state.screen {
            let area = PerceptronLayout(size: size, panelsHidden: state.panelsHidden).mapping(p).area
            p.clampCursor(width: area.width, height: area.height)
            state.screen = .perceptron(p)
        }
        return
    case .tick:
        guard state.fitsTerminal else { return }   // nothing plays unseen
        switch state.screen {
        case .perceptron(var p):
            p.tick()
            state.screen = .perceptron(p)
        case .mlp(var m):
            m.tick()
            state.screen = .mlp(m)
        case .cnn(var c):
            c.tick()
            state.screen = .cnn(c)
        case .home, .lesson: break
        }
        return
    case .key, .mouse:
        state.flash = nil
    }
    // Below the minimum size nothing is visible, so nothing may change unseen: only q works.
    if !state.fitsTerminal {
        if msg == .key(.character("q")) { state.quit() }
        return
    }
    if state.showHelp {
        state.showHelp = false   // any key or click closes the help
        return
    }
    let outcome: ScreenOutcome
    switch state.screen {
    case .home:
        updateHome(&state, msg)
        return
    case .perceptron(var p):
        outcome = updatePerceptron(&p, msg, layout: PerceptronLayout(size: state.size, panelsHidden: state.panelsHidden))
        state.screen = .perceptron(p)
    case .mlp(var m):
        outcome = updateMLP(&m, msg, layout: MLPLayout(size: state.size, panelsHidden: state.panelsHidden))
        state.screen = .mlp(m)
    case .cnn(var c):
        outcome = updateCNN(&c, msg)
        state.screen = .cnn(c)
    case .lesson(var l):
        outcome = updateLesson(&l, msg)
        state.screen = .lesson(l)
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
