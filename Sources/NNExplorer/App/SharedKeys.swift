import NNRender

/// What the keys of every explorer have in common: play and speed, start again, a new seed, other data,
/// η, and the screen's own keys. Each explorer's action type has a `shared` case for them, its key map
/// takes their bindings from here, and `perform` carries them out, once for all three.
enum SharedAction: Sendable, Equatable {
    case togglePlay, faster, slower, reset, reseed, nextDataset, lowerRate, raiseRate
    case help, back, hidePanels, nextTheme
}

/// An explorer's action type, which wraps the shared ones.
protocol SharedActions: Sendable {
    static func shared(_ action: SharedAction) -> Self
}

/// The dropout rate `D` sets next on the MLP and CNN screens: off, 0.1, 0.3, 0.5, then off again (from any
/// other p, the next larger one).
func nextDropoutRate(after p: Double) -> Double { [0.1, 0.3, 0.5].first { $0 > p } ?? 0 }

extension KeyBinding where State: Explorer, Action: SharedActions {
    /// Space: play or pause, while there is training to play.
    static func playPause(help: String, inBar: @escaping @Sendable (State) -> Bool = { _ in true }) -> Self {
        KeyBinding([.character(" ")], "space", label: { $0.playing ? "pause" : "play" }, help: help,
                   enabled: { !$0.trainingFinished }, inBar: inBar) { _ in .shared(.togglePlay) }
    }

    /// `inBar`: where a screen gives + and - another meaning for a while, the bar shows that one alone.
    static func speed(help: String, inBar: @escaping @Sendable (State) -> Bool = { _ in true }) -> Self {
        KeyBinding([.character("+"), .character("="), .character("-")], "+-", label: { _ in "speed" }, help: help, inBar: inBar) {
            .shared($0 == .character("-") ? .slower : .faster)
        }
    }

    static func reset(help: String) -> Self { KeyBinding([.character("r")], "r", "reset", help: help, .shared(.reset)) }

    static func reseed(help: String, enabled: @escaping @Sendable (State) -> Bool = { _ in true }) -> Self {
        KeyBinding([.character("s")], "s", "seed", help: help, enabled: enabled, inBar: enabled, .shared(.reseed))
    }

    static func nextDataset(help: String) -> Self { KeyBinding([.character("d")], "d", "data", help: help, .shared(.nextDataset)) }

    static func learningRate(help: String) -> Self {
        KeyBinding([.character("["), .character("]")], "[]", label: { _ in "η" }, help: help) {
            .shared($0 == .character("[") ? .lowerRate : .raiseRate)
        }
    }

    /// The keys every explorer ends its map with: panels, colours, help and back.
    static var screenKeys: [Self] {
        [KeyBinding([.character("h")], "h", "panels", help: "hide / show the side panels (a bigger picture, less clutter)", .shared(.hidePanels)),
         KeyBinding([.character("C")], "C", "colours", help: "the next colour theme: standard, high-contrast, light, 8-color, monochrome",
                    inBar: { _ in false }, .shared(.nextTheme)),
         KeyBinding([.character("?")], "?", "help", help: "show this help", essential: true, .shared(.help)),
         KeyBinding([.character("q")], "q", "back", help: "back to the list (quit when opened with nnx run)", essential: true, .shared(.back))]
    }
}

extension Explorer {
    var playing: Bool { playback.playing }

    mutating func togglePlay() { playback.toggle(canPlay: !trainingFinished) }

    /// Carries out a shared key's action; what the app does next (help, back, panels, theme) is returned.
    mutating func perform(_ action: SharedAction) -> ScreenOutcome {
        switch action {
        case .togglePlay: togglePlay()
        case .faster: playback.changeSpeed(by: 1)
        case .slower: playback.changeSpeed(by: -1)
        case .reset: reset()
        case .reseed: reseed()
        case .nextDataset: nextDataset()
        case .lowerRate: changeLearningRate(up: false)
        case .raiseRate: changeLearningRate(up: true)
        case .help: return .help
        case .hidePanels: return .togglePanels
        case .nextTheme: return .nextTheme
        case .back: return .back
        }
        return .none
    }
}
