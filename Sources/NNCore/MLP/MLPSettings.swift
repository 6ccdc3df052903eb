/// How an MLP is built and trained; the defaults are the lecture's XOR setting (2-2-1 sigmoid, squared error,
/// per-sample SGD, η = 0.5, weights uniform in [−0.5, 0.5]).
public struct MLPSettings: Sendable, Hashable {
    /// `sizes[0]` is the number of input features.
    public var sizes: [Int] = [2, 2, 1]
    /// What the input units see of a point (x1, x2): one feature each, in this order.
    public var features: [InputFeature] = InputFeature.coordinates
    public var activation: Activation = .sigmoid
    public var output: OutputActivation = .sigmoid
    public var loss: Loss = .squaredError
    /// η₀: the learning rate, or where `learningRateSchedule` starts.
    public var learningRate = 0.5
    public var learningRateSchedule = LearningRateSchedule.constant
    /// α in `Δw(t) = η δ z + α Δw(t−1)`.
    public var momentum = 0.0
    /// λ: each step also moves every non-bias weight by `−η λ w` (L2 decay; biases are not decayed).
    public var weightDecay = 0.0
    /// λ1 (L1): each step also moves every non-bias weight by `−η λ1 sign(w)`, w the weight the rest of the
    /// step reached, clipped at zero: a weight it would carry across zero lands on exactly 0, and a weight at
    /// 0 (sign 0) moves only when its gradient moves it. 0: off.
    public var l1 = 0.0
    /// 1 is the lecture's per-sample SGD; larger batches average the sample updates.
    public var batchSize = 1
    public var order: SampleOrder = .sequential
    public var initialization: Initialization = .uniform(range: 0.5)
    /// Explicit first weights in the `layers[l][i][j]` layout; they override `initialization`.
    public var initialWeights: [[[Double]]]?
    public var maxEpochs = 1000
    /// Stop earlier, after the first epoch that reaches one of these figures. nil: only `maxEpochs`.
    public var stopWhen: StopCondition?
    /// The fraction of the points held out for validation (0: train on all of them).
    public var validationSplit = 0.0
    /// Early stopping: stop when the validation loss has not improved for this many epochs, and go back to
    /// the best weights. nil: no early stopping.
    public var patience: Int?
    /// Train this many times from different seeds and keep the run with the lowest final loss.
    public var restarts = 1
    /// p: during training each hidden unit is dropped with probability p, the kept ones scaled by 1/(1 − p)
    /// (inverted dropout; evaluation uses every unit unscaled). 0: off.
    public var dropout = 0.0
    /// c: after each update every unit's incoming weights (its bias excluded) are scaled down to length c when
    /// longer. nil: off.
    public var maxNorm: Double?

    public init() {}
}
