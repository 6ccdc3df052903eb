import NNCore

/// A scenario's `lesson:` script: beats a teacher plays one key press at a time.
public struct Lesson: Sendable, Hashable {
    /// Where the lesson sits in the course (`chapter:`), for the home screen; nil when unnumbered.
    public var chapter: Int?
    public var beats: [LessonBeat]
    public init(chapter: Int?, beats: [LessonBeat]) { self.chapter = chapter; self.beats = beats }
}

extension Lesson {
    /// What each key press plays, as ranges of `beats`: set-up beats (`set`, `focus`) join the beat after
    /// them, and a `say` right after a `step` or `run` is its narration. So one press makes a move and shows
    /// the words about it; the words never describe the picture before the last one. A `pause` joins the press
    /// before it (a press that changed nothing would look lost; a recording holds that frame longer).
    public var presses: [Range<Int>] {
        var presses: [Range<Int>] = []
        var start = 0
        while start < beats.count {
            var end = start
            while end < beats.count, beats[end].isSetUp { end += 1 }
            if end < beats.count {
                let acts: Bool = switch beats[end] { case .step, .run: true; default: false }
                end += 1
                if acts, end < beats.count, case .say = beats[end] { end += 1 }
            }
            while end < beats.count, beats[end] == .pause { end += 1 }
            presses.append(start..<end)
            start = end
        }
        return presses
    }
}

/// One beat of a lesson.
public enum LessonBeat: Sendable, Hashable {
    /// Narration shown beside the picture; `**bold**` marks emphasis.
    case say(String)
    /// `count` steps of `unit` (a sample, a phase, a batch, an epoch, or the sliding window's next cell).
    case step(StepUnit, count: Int)
    /// Training until it converges (or ends), or for a number of epochs.
    case run(RunLength)
    /// A setting changed live.
    case set(LessonSetting)
    /// Which panel to emphasise (nil: none).
    case focus(LessonPanel?)
    /// Nothing changes: a stop for the class to think; a recording holds here longer.
    case pause

    /// What the beat did, in a few words of its own script ("step: epoch ×3", "set: learning_rate = 0.5").
    public var summary: String {
        switch self {
        case .say: "say"
        case .pause: "pause"
        case .step(let unit, let count): "step: \(unit.rawValue)" + (count > 1 ? " ×\(count)" : "")
        case .run(.untilConverged): "run: until converged"
        case .run(.epochs(let n)): "run: \(n) epoch\(n == 1 ? "" : "s")"
        case .focus(let panel): "focus: \(panel?.rawValue ?? "none")"
        case .set(let setting): "set: " + setting.summary
        }
    }

    /// A `set` or `focus`: it prepares what the next beat shows.
    var isSetUp: Bool {
        switch self {
        case .set, .focus: true
        default: false
        }
    }
}

public enum StepUnit: String, Sendable, CaseIterable {
    case sample, phase, batch, epoch, cell
    /// The perceptron's next visit shown (x, v, ŷ, e, the sample marked) with the weights not yet changed:
    /// the question before the answer. The next `step: sample` (or epoch, or run) applies it.
    case visit

    /// The units each model steps by (the first is what `step: N` counts).
    public static func allowed(for model: ModelKind) -> [StepUnit] {
        switch model {
        case .perceptron: [.sample, .epoch, .visit]
        case .mlp: [.sample, .phase, .epoch]
        case .cnn: [.batch, .epoch, .cell]
        case .threshold: [.sample]   // the next point: nothing trains
        }
    }
}

public enum RunLength: Sendable, Hashable {
    case untilConverged
    case epochs(Int)
}

/// A setting a `set:` beat may change, with its value.
public enum LessonSetting: Sendable, Hashable {
    case learningRate(Double)
    case momentum(Double)
    case weightDecay(Double)
    /// A dataset by name: `scenario` (the file's own data) or a built-in generator (`and`, `xor`, `circles`, …).
    case dataset(String)
    case hiddenUnits(Int)
    /// Early stopping's patience in epochs (nil: off); training starts again with it.
    case earlyStopping(Int?)
    case activation(Activation)
    /// The dropout rate p (0: off) of the MLP's hidden units or the values coming into a CNN's dense stages;
    /// training starts again from the same first weights.
    case dropout(Double)
    /// The MLP's max-norm c (nil: off); training starts again from the same first weights.
    case maxNorm(Double?)
    case ghost(Bool)
    /// The perceptron's first weights (w0, w1, w2); training starts again from them.
    case weights([Double])
    case pooling(PoolingKind)
    /// Every pooling stage of a hand-set network replaced by this one (`.pooling`): the lecture's centred
    /// window at stride 1, or subsampling, on the same maps.
    case pool(CNNLayer)
    /// The input moved `right` columns and `down` rows, beside the original (the shift view opens).
    case shift(right: Int, down: Int)
    /// The image shown (an index into the images the screen browses).
    case image(Int)
    case sharedScale(Bool)
    /// The error surface's error: E over all training points, or E_t of the next update.
    case surfaceError(SurfaceError)
    /// The error surface's two weights, across and up.
    case surfaceWeights(WeightIndex, WeightIndex)

    /// `name = value` as a script writes it.
    public var summary: String {
        func number(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x) }
        return switch self {
        case .learningRate(let x): "learning_rate = \(number(x))"
        case .momentum(let x): "momentum = \(number(x))"
        case .weightDecay(let x): "weight_decay = \(number(x))"
        case .dataset(let name): "dataset = \(name)"
        case .hiddenUnits(let n): "hidden_units = \(n)"
        case .earlyStopping(let patience): "early_stopping = \(patience.map(String.init) ?? "off")"
        case .activation(let f): "activation = \(f.rawValue)"
        case .dropout(let p): "dropout = \(number(p))"
        case .maxNorm(let c): "max_norm = \(c.map(number) ?? "off")"
        case .ghost(let on): "ghost = \(on ? "on" : "off")"
        case .weights(let w): "weights = [\(w.map(number).joined(separator: ", "))]"
        case .pooling(let kind): "pooling = \(kind.rawValue)"
        case .pool(.pooling(let kind, let size, let stride, let padding)):
            "pool = {kind: \(kind.rawValue), size: \(size), stride: \(stride), padding: \(padding.rawValue)}"
        case .pool(let layer): "pool = \(layer.kind)"
        case .shift(let right, let down): "shift = [\(right), \(down)]"
        case .image(let i): "image = \(i) (image \(i + 1) on screen)"   // scripts count from 0
        case .sharedScale(let shared): "scale = \(shared ? "shared" : "per_map")"
        case .surfaceError(let error): "surface_error = \(error.rawValue)"
        case .surfaceWeights(let a, let b): "surface_weights = [[\(a.layer), \(a.from), \(a.to)], [\(b.layer), \(b.from), \(b.to)]]"
        }
    }

    /// The settings each model's `set:` accepts, by their names in scripts.
    public static func names(for model: ModelKind) -> [String] {
        switch model {
        case .perceptron: ["learning_rate", "dataset", "weights", "ghost"]
        case .mlp: ["learning_rate", "momentum", "weight_decay", "dataset", "hidden_units", "activation", "early_stopping", "dropout",
                    "max_norm", "surface_error", "surface_weights"]
        case .cnn: ["pooling", "pool", "shift", "image", "scale", "dropout"]
        case .threshold: []   // its weights are the scenario's, set by hand
        }
    }

    /// The datasets a `set: {dataset: …}` may name, per model.
    public static func datasets(for model: ModelKind) -> [String] {
        switch model {
        case .perceptron: ["scenario"] + DatasetKind.perceptronKinds.map(\.rawValue)
        case .mlp: ["scenario", "xor", "circles", "moons", "spirals", "blobs"]
        case .cnn, .threshold: []
        }
    }
}

/// The error the MLP's error surface shows: `E` summed over every training point, or `E_t` of the samples of
/// the next update (one sample in per-sample SGD).
public enum SurfaceError: String, Sendable, CaseIterable {
    case all
    case nextUpdate = "next_update"
}

/// The panels a lesson can emphasise with `focus:` (the names are the script's words). A misspelt panel is a
/// compile error in code and a `file:line:col` error in a script.
public enum LessonPanel: String, Sendable, CaseIterable {
    // Perceptron
    case plot, update
    // MLP (`curves` also the CNN's)
    case regions, curves, network, ledger, restarts, momentum
    /// The error surface over two weights (opens it).
    case surface
    // CNN
    case maps, output, confusion, window, parameters, shift
    // Threshold network (`plot` and `network` too): the hidden units' plane
    case hidden

    /// The panels of a model's screen, in the order `nnx check` lists them.
    public static func panels(for model: ModelKind) -> [LessonPanel] {
        switch model {
        case .perceptron: [.plot, .update]
        case .mlp: [.regions, .curves, .network, .ledger, .restarts, .momentum, .surface]
        case .cnn: [.maps, .output, .curves, .confusion, .window, .parameters, .shift]
        case .threshold: [.plot, .network, .hidden]
        }
    }
}
