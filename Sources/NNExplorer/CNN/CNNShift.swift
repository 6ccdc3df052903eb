import NNCore

/// How far the shift view moves the input: whole pixels right and down (negative: left and up).
public struct InputShift: Sendable, Hashable {
    public var right: Int, down: Int
    public init(right: Int, down: Int) { self.right = right; self.down = down }
}

/// The image on screen and the same image shifted, through every stage: how much each stage's output
/// changed (`‖shifted − original‖ / ‖original‖` over all its maps), and the prediction of each.
public struct ShiftComparison: Sendable {
    public var shift: InputShift
    /// `[0]` the input, `[l + 1]` the output of stage l, as `ConvNet.forward` gives them.
    public var original: [Tensor], shifted: [Tensor]
    /// Per entry of `original`: the relative change, nil where the original is all zeros.
    public var changes: [Double?]
    /// The most probable class of each, for a network that ends in softmax.
    public var predictions: (original: Int, shifted: Int)?
}

extension CNNExplorer {
    /// The comparison the shift view draws, while it is open.
    public var shiftComparison: ShiftComparison? { shiftComparison(probeOutputs) }

    /// The comparison, from the outputs for the image on screen already computed (`probeOutputs`).
    func shiftComparison(_ original: [Tensor]) -> ShiftComparison? {
        guard let shift else { return nil }
        let shifted = network.forward(probeImage.image.shifted(right: shift.right, down: shift.down))
        let changes = zip(original, shifted).map { $0.relativeChange(to: $1) }
        let predictions = network.endsInSoftmax
            ? (CNNTrainer.predictedClass(original[original.count - 1]), CNNTrainer.predictedClass(shifted[shifted.count - 1])) : nil
        return ShiftComparison(shift: shift, original: original, shifted: shifted, changes: changes, predictions: predictions)
    }

    /// Opens the shift view with the input where it is (the arrows then move it), or closes it.
    mutating func toggleShift() {
        if shift != nil { shift = nil; return }
        setShift(InputShift(right: 0, down: 0))
    }

    /// Opens the shift view with the input moved by `to` (a lesson's `set: shift`), within the image.
    mutating func setShift(_ to: InputShift) {
        closeViews()
        let (height, width) = (network.inputShape[1], network.inputShape[2])
        shift = InputShift(right: min(width - 1, max(1 - width, to.right)), down: min(height - 1, max(1 - height, to.down)))
    }

    /// Moves the input one pixel further (the arrows in the shift view).
    mutating func moveShift(right: Int, down: Int) {
        guard let shift else { return }
        setShift(InputShift(right: shift.right + right, down: shift.down + down))
    }

    /// The shift view's maps: those of the next kernel.
    mutating func nextShiftMap() { shiftMap += 1 }

    mutating func toggleParameters() {
        let open = !showParameters
        closeViews()
        showParameters = open
    }
}
