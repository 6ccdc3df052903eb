import NNRender

/// One key binding: the keys, what the bar and the help say, when it is available, and what it does.
/// A screen's bindings drive its dispatch, its hint bar and its help overlay, so the three cannot drift apart.
struct KeyBinding<State, Action>: Sendable {
    var keys: [Key]
    /// How the keys are written (`space`, `[ ]`, `←↑↓→`); defaults to the first key's label.
    var keysLabel: String?
    var label: @Sendable (State) -> String
    var help: String
    var enabled: @Sendable (State) -> Bool = { _ in true }
    /// Shown in the bottom bar (all bindings are in the help).
    var inBar: @Sendable (State) -> Bool = { _ in true }
    var essential = false
    var action: @Sendable (Key) -> Action

    init(_ keys: [Key], _ keysLabel: String? = nil, label: @escaping @Sendable (State) -> String, help: String,
         enabled: @escaping @Sendable (State) -> Bool = { _ in true }, inBar: @escaping @Sendable (State) -> Bool = { _ in true },
         essential: Bool = false, action: @escaping @Sendable (Key) -> Action) {
        self.keys = keys; self.keysLabel = keysLabel; self.label = label; self.help = help
        self.enabled = enabled; self.inBar = inBar; self.essential = essential; self.action = action
    }

    init(_ keys: [Key], _ keysLabel: String? = nil, _ label: String, help: String,
         enabled: @escaping @Sendable (State) -> Bool = { _ in true }, inBar: @escaping @Sendable (State) -> Bool = { _ in true },
         essential: Bool = false, _ action: Action) where Action: Sendable {
        self.init(keys, keysLabel, label: { _ in label }, help: help, enabled: enabled, inBar: inBar,
                  essential: essential, action: { _ in action })
    }

    init(_ keys: [Key], _ keysLabel: String? = nil, label: @escaping @Sendable (State) -> String, help: String,
         enabled: @escaping @Sendable (State) -> Bool = { _ in true }, inBar: @escaping @Sendable (State) -> Bool = { _ in true },
         essential: Bool = false, _ action: Action) where Action: Sendable {
        self.init(keys, keysLabel, label: label, help: help, enabled: enabled, inBar: inBar,
                  essential: essential, action: { _ in action })
    }

    func hint(_ state: State) -> KeyHint {
        KeyHint(keys: keysLabel ?? keys.first?.label ?? "", label: label(state), help: help,
                enabled: enabled(state), essential: essential)
    }
}

struct KeyMap<State, Action>: Sendable {
    var bindings: [KeyBinding<State, Action>]

    /// The binding that has this key, enabled or not.
    func binding(for key: Key) -> KeyBinding<State, Action>? { bindings.first { $0.keys.contains(key) } }

    /// The first binding that has this key and is enabled in `state` (a view's own use of a key, such as `+`
    /// on a picked weight, listed before the screen's), else the first that has it.
    func binding(for key: Key, in state: State) -> KeyBinding<State, Action>? {
        bindings.first { $0.keys.contains(key) && $0.enabled(state) } ?? binding(for: key)
    }

    /// The action for a key, if some binding has it and is enabled now.
    func action(for key: Key, in state: State) -> Action? {
        guard let binding = bindings.first(where: { $0.keys.contains(key) }), binding.enabled(state) else { return nil }
        return binding.action(key)
    }
    func barHints(_ state: State) -> [KeyHint] { bindings.filter { $0.inBar(state) }.map { $0.hint(state) } }
    func helpHints(_ state: State) -> [KeyHint] { bindings.map { $0.hint(state) } }
}
