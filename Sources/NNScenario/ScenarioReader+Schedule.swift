import NNCore

/// `learning_rate_schedule:` (with Keras's parameter names) and `stop_when:` in the `mlp:` block: when η
/// changes, and when training stops before `max_epochs`.
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

extension ScenarioReader {
    /// `stop_when: {train_loss: L, accuracy: A, val_loss: L, val_accuracy: A}`, at least one; losses > 0,
    /// accuracies in (0, 1]; the val_ ones need points held out (`validationSplit`). Nil once reported.
    func stopCondition(_ field: Field, validationSplit: Double) -> StopCondition? {
        let measures = StopCondition.Measure.allCases
        guard let block = MappingReader(field, keys: measures.map(\.rawValue)) else { return nil }
        // Nothing to watch in an empty mapping (unknown keys are reported on their own).
        guard !block.presentKeys.isEmpty || field.node.mapping?.isEmpty == false else {
            field.fail("stop_when must give at least one of " + measures.map(\.rawValue).joined(separator: ", ")
                       + ", such as {train_loss: 0.01}")
            return nil
        }
        guard !block.presentKeys.isEmpty else { return nil }
        var thresholds: [StopCondition.Measure: Double] = [:]
        var wrong = false
        for measure in measures {
            guard let entry = block.field(measure.rawValue) else { continue }
            let value = measure.isLoss ? entry.positiveNumber(atMost: 1e9) : entry.positiveNumber(atMost: 1)
            if measure == .validationLoss || measure == .validationAccuracy, validationSplit == 0 {
                entry.failAtKey("\(measure.rawValue) needs validation_split greater than 0: it watches the held-out points")
                wrong = true
            }
            if let value { thresholds[measure] = value } else { wrong = true }
        }
        return wrong ? nil : StopCondition(thresholds)
    }
}
