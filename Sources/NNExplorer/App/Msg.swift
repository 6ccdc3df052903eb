import NNRender

/// Everything that can happen to the app: input from the front end, or a tick of the play timer.
public enum Msg: Sendable, Hashable {
    case key(Key)
    case mouse(column: Int, row: Int, button: MouseButton)
    /// The pointer moved with `button` held down (screens that draw follow it; the others ignore it).
    case drag(column: Int, row: Int, button: MouseButton)
    case resize(Size)
    case tick
    /// One slice of the work a key started (`AppState.hasPendingWork`).
    case work
    /// The front end's clock, in milliseconds from any fixed start, read after work and ticks: a screen that
    /// trains shows images a second with it. Headless renders never send it, so frames depend on keys alone.
    case clock(milliseconds: Int)

    public init(_ event: InputEvent) {
        switch event {
        case .key(let key): self = .key(key)
        case .mouse(let column, let row, let button): self = .mouse(column: column, row: row, button: button)
        case .drag(let column, let row, let button): self = .drag(column: column, row: row, button: button)
        case .resize(let size): self = .resize(size)
        }
    }
}
