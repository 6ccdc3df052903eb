import NNCore
import NNRender
import NNScenario

/// The error-surface view (`E`): E as a function of two weights, every other weight held at its value,
/// around where the weights are now, with the path they took and the next step.
public struct SurfaceView: Sendable, Hashable {
    /// The weights across (w_a) and up (w_b).
    public internal(set) var a: WeightIndex, b: WeightIndex
    /// E over every training point, or E_t of the samples of the next update.
    public internal(set) var error = SurfaceError.all
    /// Steps of the window from the one fitted to the path and the steps: wider above 0, narrower below.
    public internal(set) var zoom = 0
    /// Why these two weights were chosen (nil when the user chose them).
    public internal(set) var chosenBecause: String?
}

/// The weights after each update or epoch of the run, for the path on the surface: whole parameter vectors
/// (any two weights can be shown), every other one dropped when the record grows long.
public struct WeightPath: Sendable, Hashable {
    /// `parameters.count` values an entry.
    public private(set) var values: [Double]
    public private(set) var stride: Int
    /// The trainer's update count and seed at the last entry: fewer updates or another seed is a new run.
    private var steps: Int
    private var seed: UInt64
    /// At most this many values are kept; past it every other entry goes (the first stays).
    static let capacity = 1 << 20

    init(_ trainer: MLPTrainer) {
        values = trainer.network.parameters
        stride = values.count
        steps = trainer.steps
        seed = trainer.seed
    }

    public var count: Int { values.count / max(1, stride) }
    public func value(_ entry: Int, of weight: Int) -> Double { values[entry * stride + weight] }

    /// Adds the trainer's weights when it has made more updates; starts again when it is a new run (no
    /// updates yet, fewer than before, another seed or another shape).
    mutating func follow(_ trainer: MLPTrainer) {
        let parameters = trainer.network.parameters
        guard trainer.steps > 0, trainer.steps >= steps, trainer.seed == seed, parameters.count == stride else {
            self = WeightPath(trainer)
            return
        }
        guard trainer.steps > steps else { return }
        steps = trainer.steps
        if values.count + stride > Self.capacity {
            values = (0..<count).filter { $0 % 2 == 0 }.flatMap { values[($0 * stride)..<(($0 + 1) * stride)] }
        }
        values += parameters
    }
}

extension MLPExplorer {
    /// Every change of the trainer: the path follows it, and a pair of weights the network lost goes back to
    /// the default.
    mutating func trainerChanged() {
        weightPath.follow(trainer)
        keepSurfaceWeights()
    }

    /// The surface view's name for a weight, as the ledger names its units: `w(x1→h2)`, `w(b→o)`.
    func weightName(_ w: WeightIndex) -> String {
        let sizes = trainer.network.sizes, top = sizes.count - 1
        let from = w.from == 0 ? "b" : w.layer == 0 ? inputName(w.from - 1) : unitName(layer: w.layer, unit: w.from - 1)
        let to = w.layer + 1 == top ? (sizes[top] == 1 ? "o" : "o\(w.to + 1)") : unitName(layer: w.layer + 1, unit: w.to)
        return "w(\(from)→\(to))"
    }

    /// Opens the surface on the default pair, or closes it.
    mutating func toggleSurface() {
        if surface != nil { surface = nil; note = "error surface closed"; return }
        guard !trainer.trainingSet.isEmpty else { note = "no training points: no error to draw"; return }
        surface = defaultSurface()
        note = surface.map { "error surface: \(weightName($0.a)) across, \(weightName($0.b)) up" }
    }

    /// The two weights that changed most since the first weights of the run; before any change, the two
    /// whose slope ∂E/∂w is steepest (the first update changes them most).
    func defaultSurface(error: SurfaceError = .all) -> SurfaceView {
        let net = trainer.network
        var change = (0..<net.parameters.count).map { abs(net.parameters[$0] - weightPath.value(0, of: $0)) }
        var reason = "changed most by update \(trainer.steps)"
        if change.allSatisfy({ $0 == 0 }) {
            change = ErrorSurface(network: net, samples: trainer.trainingSet, loss: trainer.settings.loss).gradient().map(abs)
            reason = "steepest at update \(trainer.steps)"
        }
        let weights = WeightIndex.all(in: net)
        // Largest first; ties in the ledger's order.
        let ranked = weights.indices.sorted { (change[weights[$0].flat(in: net)], -$0) > (change[weights[$1].flat(in: net)], -$1) }
        return SurfaceView(a: weights[ranked[0]], b: weights[ranked[1]], error: error, chosenBecause: reason)
    }

    /// After the network changed shape, a pair that no longer exists goes back to the default.
    private mutating func keepSurfaceWeights() {
        guard let s = surface, !(s.a.exists(in: trainer.network) && s.b.exists(in: trainer.network)) else { return }
        surface = defaultSurface(error: s.error)
    }

    /// The previous or next weight (in the ledger's order) across or up, skipping the other axis's weight.
    mutating func moveSurfaceWeight(across: Bool, forward: Bool) {
        guard var s = surface else { return }
        let weights = WeightIndex.all(in: trainer.network)
        let current = across ? s.a : s.b, other = across ? s.b : s.a
        var index = weights.firstIndex(of: current) ?? 0
        repeat { index = (index + (forward ? 1 : weights.count - 1)) % weights.count } while weights[index] == other
        if across { s.a = weights[index] } else { s.b = weights[index] }
        s.chosenBecause = nil
        surface = s
        note = "\(across ? "across" : "up"): \(weightName(weights[index]))"
    }

    /// E over all the training points, or E_t of the next update's samples.
    mutating func setSurfaceError(_ error: SurfaceError) {
        surface?.error = error
        note = error == .all ? "surface: E over all \(trainer.trainingSet.count) training points"
            : trainer.status.isFinished ? "training has ended: no next update, so E over all the points"
            : "surface: E_t of the next update's " + (trainer.settings.batchSize == 1 ? "sample" : "mini-batch")
    }

    /// A lesson's two weights (they must exist in the network).
    mutating func setSurfaceWeights(_ a: WeightIndex, _ b: WeightIndex) {
        guard a.exists(in: trainer.network), b.exists(in: trainer.network) else {
            let missing = a.exists(in: trainer.network) ? b : a
            note = "this network has no weight [\(missing.layer), \(missing.from), \(missing.to)]"
            return
        }
        if surface == nil { surface = defaultSurface() }
        surface?.a = a; surface?.b = b; surface?.chosenBecause = nil
    }

    /// A narrower or wider window than the fitted one, by one step of 1, 2, 5 × 10ᵏ.
    mutating func zoomSurface(wider: Bool) {
        guard let s = surface else { return }
        guard abs(s.zoom + (wider ? 1 : -1)) <= Self.surfaceZoomSteps else {
            note = "the window is at its \(wider ? "widest" : "narrowest") (\(Self.surfaceZoomSteps) steps from the fitted one)"
            return
        }
        surface?.zoom += wider ? 1 : -1
        note = surface!.zoom == 0 ? "window fitted to the path and the steps"
            : "window \(abs(surface!.zoom)) step\(abs(surface!.zoom) == 1 ? "" : "s") \(surface!.zoom > 0 ? "wider" : "narrower") than the fitted one"
    }

    static let surfaceZoomSteps = 6

    /// Back to the default pair, and the window fitted to the path.
    mutating func resetSurface() {
        guard let s = surface else { return }
        surface = defaultSurface(error: s.error)
        note = "default weights: \(weightName(surface!.a)) across, \(weightName(surface!.b)) up"
    }
}

/// What the error surface's keys do.
enum SurfaceAction: Sendable, Equatable { case toggle, toggleError, previousA, nextA, previousB, nextB, narrower, wider, defaultWeights }

/// The error surface's keys: `E` opens and closes it; the others act on it (and say so when it is closed).
/// In the bar only while it is open, where they come before the keys that train.
let surfaceKeyBindings: [KeyBinding<MLPExplorer, MLPAction>] = {
    let open: @Sendable (MLPExplorer) -> Bool = { $0.surface != nil }
    return [
        KeyBinding([.character("E")], "E", label: { $0.surface == nil ? "surface" : "close" },
                   help: "error surface: E over two weights around where they are, the path they took and the step −η∂E/∂w (again: close)",
                   inBar: open, .surface(.toggle)),
        KeyBinding([.character("b")], "b", label: { $0.surface?.error == .nextUpdate ? "E_t" : "E" },
                   help: "surface: E over all the training points, or E_t of the next update's sample (or mini-batch)",
                   enabled: open, inBar: open, .surface(.toggleError)),
        KeyBinding([.character(","), .character(".")], ",.", label: { _ in "across" },
                   help: "surface: the previous (,) / next (.) weight across, w_a", enabled: open, inBar: open) {
            .surface($0 == .character(",") ? .previousA : .nextA)
        },
        KeyBinding([.character("<"), .character(">")], "<>", label: { _ in "up" },
                   help: "surface: the previous (<) / next (>) weight up, w_b", enabled: open, inBar: open) {
            .surface($0 == .character("<") ? .previousB : .nextB)
        },
        KeyBinding([.character("{"), .character("}")], "{}", label: { _ in "zoom" },
                   help: "surface: a narrower ({) / wider (}) window", enabled: open, inBar: open) {
            .surface($0 == .character("{") ? .narrower : .wider)
        },
        KeyBinding([.character("/")], "/", "default", help: "surface: back to the weights that changed most, and the fitted window",
                   enabled: open, inBar: { _ in false }, .surface(.defaultWeights)),
    ]
}()

extension MLPExplorer {
    mutating func perform(_ action: SurfaceAction) {
        switch action {
        case .toggle: toggleSurface()
        case .toggleError: setSurfaceError(surface?.error == .all ? .nextUpdate : .all)
        case .previousA: moveSurfaceWeight(across: true, forward: false)
        case .nextA: moveSurfaceWeight(across: true, forward: true)
        case .previousB: moveSurfaceWeight(across: false, forward: false)
        case .nextB: moveSurfaceWeight(across: false, forward: true)
        case .narrower: zoomSurface(wider: false)
        case .wider: zoomSurface(wider: true)
        case .defaultWeights: resetSurface()
        }
    }
}
