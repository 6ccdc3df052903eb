import NNCore
import NNRender
import NNScenario

/// The CNN screen's state: the network (trained, or hand-set and only looked at), the image being looked at,
/// and what the user toggled.
public struct CNNExplorer: Sendable {
    public let scenario: Scenario
    public let cnn: CNNScenario
    public private(set) var seed: UInt64
    /// Present when the network ends in softmax and trains.
    public private(set) var trainer: CNNTrainer?
    private var lookedAt: ConvNet
    /// Index into `images` of the image on screen.
    public private(set) var probe: Int
    /// Play trains batches in slices of `batchesPerTick` a tick, at one speed.
    public internal(set) var playback = Playback(speeds: [batchesPerTick * 1000 / tickMilliseconds])
    /// One colour scale for every map of a stage (on), or each map its own (off).
    public private(set) var sharedScale = true
    /// Numbers instead of shades for the input and the kernels.
    public private(set) var showValues = false
    /// A colour input's channel on its own (0 red, 1 green, 2 blue), or nil for colour (`g` cycles).
    public internal(set) var shownChannel: Int?
    /// The confusion matrix instead of the loss curves, when the panel has room for only one.
    public private(set) var showConfusion = false
    public var note: String?
    /// The test set's confusion matrix after the last finished epoch (`[true][predicted]`).
    public var confusion: [[Int]]? { trainer?.testConfusion }
    /// `e` is training the rest of the epoch, a batch at a time (see `work`).
    public private(set) var finishingEpoch = false
    /// The sliding window's cell, while the step-by-step view is open.
    public private(set) var window: WindowPosition?
    /// How far the input is moved while the shift view is open (nil: closed); the arrows move it.
    public internal(set) var shift: InputShift?
    /// Which kernel's maps the shift view draws (`o` steps through them).
    public internal(set) var shiftMap = 0
    /// The parameter counts instead of the maps.
    public internal(set) var showParameters = false
    /// The band of the maps box (an index into `mapsBlocks`: 0 the input, then the stages) shown first when
    /// not all of them fit; ↑/↓ move it, and a change shows the band it changes.
    public private(set) var mapsFrom = 0
    /// The drawing canvas (kept while closed: `d` opens it again as it was left).
    public internal(set) var canvas: DrawingCanvas?
    /// The canvas is open and its drawing is the probe.
    public internal(set) var drawing = false
    /// Images a second while training, from the front end's clock (`Msg.clock`; none headless).
    public private(set) var speed = TrainingSpeed()
    /// The dropout rate training starts with (the scenario's until `D` changes it; reset and a new seed keep it).
    private var dropout: Double

    /// Batches trained a tick while playing (a small slice, so that keys keep answering).
    static let batchesPerTick = 8
    static let tickMilliseconds = 100

    public init(scenario: Scenario) {
        guard let cnn = scenario.cnn else { preconditionFailure("a CNN explorer needs a cnn scenario") }
        self.scenario = scenario
        self.cnn = cnn
        seed = scenario.seed
        dropout = cnn.training.dropout
        lookedAt = cnn.network(seed: scenario.seed)
        probe = 0
        trainer = nil
        start()
        // The probe is an index into all the images; a trained network shows the test set, from the probe
        // when it is a test image.
        let probeImage = cnn.images[min(cnn.probe, cnn.images.count - 1)]
        probe = cnn.probePicture != nil ? 0
            : trainer == nil ? min(cnn.probe, cnn.images.count - 1) : (images.firstIndex(of: probeImage) ?? 0)
    }

    private mutating func start() {
        finishingEpoch = false
        lookedAt = cnn.network(seed: seed)
        var settings = cnn.training
        settings.dropout = dropout
        trainer = cnn.trains ? CNNTrainer(images: cnn.images, network: lookedAt, settings: settings, seed: seed) : nil
        let browsed = if let trainer, !trainer.testSet.isEmpty { trainer.testSet } else { cnn.images }
        images = cnn.probePicture.map { [LabeledImage(image: $0, label: Self.pictureLabel)] + browsed } ?? browsed
        playback.stop()
        speed = TrainingSpeed()
    }

    public var network: ConvNet { trainer?.network ?? lookedAt }

    /// The images ←/→ browses: the test set while training (the images the network never learns from), else all;
    /// a probe picture first. Set by `start` (a list of 60,000 is not to be rebuilt at every read).
    public private(set) var images: [LabeledImage] = []

    /// The label of the teacher's own picture (`probe: FILE.pgm`): it has no class.
    public static let pictureLabel = -1

    public var probeImage: LabeledImage {
        if drawing, let canvas { return LabeledImage(image: canvas.image, label: Self.pictureLabel) }
        return images[min(probe, images.count - 1)]
    }

    /// Every stage's output for the image on screen (index 0 is the image).
    public var probeOutputs: [Tensor] { network.forward(probeImage.image) }

    public var tickInterval: Int? { playing ? Self.tickMilliseconds : nil }

    /// Play: slices of training (a batch, or part of the test pass that ends an epoch), a few a tick.
    mutating func tick() {
        guard playing, var t = trainer else { return }
        for _ in 0..<playback.due(after: Self.tickMilliseconds) where t.stepSlice() {}
        trainer = t
        if t.status.isFinished { playback.stop() }
    }

    mutating func stepBatch() {
        trainer?.step()
    }

    mutating func stepEpoch() {
        trainer?.runEpoch()
    }

    /// `e`: the rest of the epoch, a batch a slice of `work` (an epoch of LeNet-5 takes seconds; keys, frames
    /// and Ctrl-C get their turn between batches). The same weights as `stepEpoch`.
    mutating func startEpoch() {
        guard let t = trainer, !t.status.isFinished, !t.trainingSet.isEmpty else { return }
        finishingEpoch = true
        work()
    }

    var hasPendingWork: Bool { finishingEpoch }

    mutating func work() {
        guard finishingEpoch else { return }
        trainer?.stepSlice()
        if trainer.map({ $0.positionInEpoch == 0 || $0.status.isFinished }) ?? true { finishingEpoch = false }
    }

    /// Training on: `e` finishing an epoch, or play.
    var isTraining: Bool { (finishingEpoch || playing) && trainer?.status == .running }

    /// The front end's clock: images a second while training, else forgotten.
    mutating func clock(_ milliseconds: Int) {
        guard isTraining, let t = trainer else { return speed = TrainingSpeed() }
        speed.read(milliseconds: milliseconds, images: t.imagesTrained)
    }

    mutating func reset() {
        let switched = lookedAt.layers != cnn.layers
        start()
        if switched { note = "reset: the scenario's \(poolingKind?.rawValue ?? "") pooling again" }
    }

    mutating func reseed() {
        seed &+= 1
        start()
        note = "seed \(seed): new first weights and a new test split"
    }

    /// The next dropout rate (off, 0.1, 0.3, 0.5) from the next batch on, the weights learned so far kept; reset
    /// trains from the first weights with it.
    mutating func cycleDropout() {
        dropout = nextDropoutRate
        trainer?.setDropout(dropout)
        note = dropout > 0 ? "dropout p = \(formatNumber(dropout)) from the next batch on (r: from the start)"
            : "dropout off from the next batch on (r: from the start)"
    }

    mutating func moveProbe(by offset: Int) {
        let count = images.count
        probe = ((probe + offset) % count + count) % count
    }

    /// The next image after the current one that the network gets wrong.
    mutating func nextMistake() {
        let count = images.count
        for offset in 1...count {
            let index = (probe + offset) % count
            let output = network.forward(images[index].image).last!
            if CNNTrainer.predictedClass(output) != images[index].label {
                probe = index
                return
            }
        }
        note = "no mistakes on these \(count) images"
    }

    /// The network's pooling kind (of its first pooling stage), if it has one.
    public var poolingKind: PoolingKind? {
        for layer in network.layers { if case .pooling(let kind, _, _, _) = layer { return kind } }
        return nil
    }

    /// Max pooling becomes mean pooling and back (subsampling becomes max pooling), on the same maps (hand-set
    /// networks: a trained one learned with the pooling it has).
    mutating func togglePooling() {
        guard let kind = poolingKind else { return }
        replacePooling { size, stride, padding in .pooling(kind == .max ? .mean : .max, size: size, stride: stride, padding: padding) }
    }

    /// Every pooling stage of a hand-set network replaced (its window as it was, passed in), the weights kept;
    /// shows the pooling.
    mutating func replacePooling(_ with: (_ size: Int, _ stride: Int, _ padding: ConvolutionPadding) -> CNNLayer) {
        guard trainer == nil else { return }
        showPooling()
        let layers = lookedAt.layers.map { layer -> CNNLayer in
            guard case .pooling(_, let size, let stride, let padding) = layer else { return layer }
            return with(size, stride, padding)
        }
        var rng = SplitMix64(seed: seed)
        guard var switched = try? ConvNet(inputShape: lookedAt.inputShape, layers: layers, rng: &rng) else { return }
        switched.weights = lookedAt.weights
        switched.biases = lookedAt.biases
        switched.frozen = lookedAt.frozen
        lookedAt = switched
    }

    /// Opens the step-by-step view of the first convolution at its first cell, or closes it.
    mutating func toggleWindow() {
        if window != nil { window = nil; return }
        guard windowGrid != nil else { note = "this network has no convolution"; return }
        closeViews()
        window = WindowPosition(map: 0, row: 0, column: 0)
    }

    /// Back to the maps: the sliding window, the shift view, the parameter counts and the canvas closed.
    mutating func closeViews() {
        drawing = false
        window = nil
        shift = nil
        showParameters = false
    }

    /// Moves the window by whole cells, staying on the map.
    mutating func moveWindow(rows: Int, columns: Int) {
        guard var w = window, let grid = windowGrid else { return }
        w.row = min(grid.rows - 1, max(0, w.row + rows))
        w.column = min(grid.columns - 1, max(0, w.column + columns))
        window = w
    }

    /// The next cell in reading order (then the next map's first cell).
    mutating func advanceWindow() {
        guard var w = window, let grid = windowGrid else { return }
        w.column += 1
        if w.column == grid.columns { w.column = 0; w.row += 1 }
        if w.row == grid.rows { w.row = 0; w.map = (w.map + 1) % grid.maps }
        window = w
    }

    /// The same cell of the next kernel's map.
    mutating func nextWindowMap() {
        guard var w = window, let grid = windowGrid else { return }
        w.map = (w.map + 1) % grid.maps
        window = w
    }

    mutating func toggleSharedScale() { sharedScale.toggle() }

    /// Scrolls the maps box by a band (when they do not all fit), and says which band is now first.
    mutating func scrollMaps(by offset: Int) {
        let blocks = mapsBlocks
        mapsFrom = min(max(0, mapsFrom + offset), blocks.count - 1)
        note = switch blocks[mapsFrom] {
        case .input: "maps from the input (when they do not all fit)"
        case .stage(let l): "maps from stage \(l + 1), \(stageName(network.layers[l])) (when they do not all fit)"
        }
    }

    /// The maps box from the stages (the input and kernels may give way), or from the input.
    mutating func showMaps(fromInput: Bool) { mapsFrom = fromInput ? 0 : min(1, mapsBlocks.count - 1) }

    /// The maps box from the first pooling's band: the bands before it (the maps it pools first) fill the room
    /// above it.
    mutating func showPooling() {
        guard let pooling = network.layers.firstIndex(where: { if case .pooling = $0 { true } else { false } }),
              let index = mapsBlocks.firstIndex(of: .stage(pooling)) else { return }
        mapsFrom = index
    }

    /// The network's convolution stages (layer indices).
    public var convolutionLayers: [Int] {
        network.layers.indices.filter { if case .convolution = network.layers[$0] { true } else { false } }
    }

    /// Which convolution's kernels the screen shows (`K` steps through them).
    public private(set) var kernelLayerChoice = 0
    public var shownKernelLayer: Int? {
        let layers = convolutionLayers
        return layers.isEmpty ? nil : layers[kernelLayerChoice % layers.count]
    }

    mutating func nextKernelLayer() {
        let layers = convolutionLayers
        guard layers.count > 1 else { return }
        kernelLayerChoice = (kernelLayerChoice + 1) % layers.count
        note = "kernels of stage \(layers[kernelLayerChoice] + 1)"
    }

    // MARK: lesson settings

    /// A lesson's `set: pooling` shows the pooling, even when the kind is already the one asked for.
    mutating func setPooling(_ kind: PoolingKind) {
        if poolingKind != kind { replacePooling { .pooling(kind, size: $0, stride: $1, padding: $2) } }
        showPooling()
    }

    /// A lesson's `set: dropout`: `D`'s rate, then training again from the same first weights and test split
    /// (as `r` after `D`), so that the run compares with the one without it; a lesson's run has often
    /// finished, and then there is no next batch to drop from.
    mutating func setDropout(_ p: Double) {
        dropout = p
        start()
        note = p > 0 ? "dropout p = \(formatNumber(p)); training starts again" : "dropout off; training starts again"
    }

    /// A lesson's `set: image` shows the image first.
    mutating func setProbe(_ index: Int) {
        probe = min(max(0, index), images.count - 1)
        mapsFrom = 0
    }
    mutating func setSharedScale(_ shared: Bool) { sharedScale = shared }
    mutating func showConfusionMatrix() { showConfusion = true }

    /// Opens the sliding window, or moves it to the next cell when open.
    mutating func stepWindow() {
        if window == nil { toggleWindow() } else { advanceWindow() }
    }
    mutating func toggleConfusion() { showConfusion.toggle() }
    mutating func toggleValues() { showValues.toggle() }
}
