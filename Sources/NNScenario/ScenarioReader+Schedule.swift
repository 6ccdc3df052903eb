import NNCore

/// `learning_rate_schedule:` in the `mlp:` block, with Keras's parameter names.
extension ScenarioReader {
    static let scheduleKinds = ["constant", "step", "inverse_time"]

    /// `{kind: constant}`, `{kind: step, decay_steps: N, decay_rate: r}` (0 < r ≤ 1) or
    /// `{kind: inverse_time, decay_rate: d, decay_steps: N}` (decay_steps 1 unless given); nil once reported.
    func learningRateSchedule(_ field: Field) -> LearningRateSchedule? {
        guard let block = MappingReader(field, keys: ["kind", "decay_steps", "decay_rate"]) else { return nil }
        guard let kind = block.field("kind", required: true)?.choice(Self.scheduleKinds) else { return nil }
        let stepsField = block.field("decay_steps"), rateField = block.field("decay_rate")
        if kind == "constant" {
            for extra in [stepsField, rateField].compactMap({ $0 }) {
                extra.failAtKey("\(extra.name) is for kind step or inverse_time; a constant η has none")
            }
            return stepsField == nil && rateField == nil ? .constant : nil
        }
        var steps: Int? = 1
        if let stepsField {
            steps = stepsField.integer(in: 1...1_000_000)
        } else if kind == "step" {
            steps = nil
            block.reportMissing("missing required key 'decay_steps' in learning_rate_schedule: step decay multiplies η by "
                                + "decay_rate every decay_steps epochs")
        }
        guard let rateField = block.field("decay_rate", required: true) else { return nil }
        let rate = kind == "step" ? rateField.positiveNumber(atMost: 1) : rateField.nonNegativeNumber(atMost: 1000)
        guard let steps, let rate else { return nil }
        return kind == "step" ? .step(decaySteps: steps, decayRate: rate) : .inverseTime(decaySteps: steps, decayRate: rate)
    }
}
