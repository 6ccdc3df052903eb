/// A minimal JSON writer that keeps keys in the order given (the trace format's field order is a contract)
/// and writes numbers the shortest way that reads back exactly (`1`, `-2`, `0.5`).
public struct JSONObject: Sendable {
    private var fields: [(String, String)] = []
    public init() {}

    public mutating func add(_ key: String, _ value: String) { fields.append((key, Self.quote(value))) }
    public mutating func add(_ key: String, _ value: Int) { fields.append((key, String(value))) }
    public mutating func add(_ key: String, _ value: Double) { fields.append((key, Self.number(value))) }
    public mutating func add(_ key: String, _ value: UInt64) { fields.append((key, String(value))) }
    public mutating func add(_ key: String, _ value: Bool) { fields.append((key, value ? "true" : "false")) }
    /// A value already written as JSON (a nested object or a list of them).
    public mutating func add(_ key: String, json: String) { fields.append((key, json)) }
    public mutating func add(_ key: String, _ values: [Double]) {
        fields.append((key, Self.array(values)))
    }
    public mutating func add(_ key: String, _ values: [[Double]]) {
        fields.append((key, "[" + values.map(Self.array).joined(separator: ",") + "]"))
    }
    public mutating func add(_ key: String, _ values: [[[Double]]]) {
        fields.append((key, "[" + values.map { "[" + $0.map(Self.array).joined(separator: ",") + "]" }.joined(separator: ",") + "]"))
    }
    public mutating func add(_ key: String, _ value: Double?) {
        fields.append((key, value.map(Self.number) ?? "null"))
    }
    public mutating func add(_ key: String, _ values: [Int]) {
        fields.append((key, "[" + values.map(String.init).joined(separator: ",") + "]"))
    }
    public mutating func add(_ key: String, _ values: [[Int]]) {
        fields.append((key, "[" + values.map { "[" + $0.map(String.init).joined(separator: ",") + "]" }.joined(separator: ",") + "]"))
    }

    static func array(_ values: [Double]) -> String { "[" + values.map(number).joined(separator: ",") + "]" }

    public var text: String {
        "{" + fields.map { Self.quote($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    public static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension PerceptronUpdate {
    /// The `nnx trace` record of this visit:
    /// `{"model":"perceptron","epoch":E,"step":S,"index":I,"x":[x1,x2],"y":±1,"v":v,"yhat":±1,"error":e,"w_before":[…],"w_after":[…]}`.
    public var traceRecord: String {
        var json = JSONObject()
        json.add("model", "perceptron")
        json.add("epoch", epoch)
        json.add("step", step)
        json.add("index", index)
        json.add("x", [x1, x2])
        json.add("y", y)
        json.add("v", v)
        json.add("yhat", yhat)
        json.add("error", error)
        json.add("w_before", weightsBefore)
        json.add("w_after", weightsAfter)
        return json.text
    }
}

extension ThresholdNetwork.Pass {
    /// The `nnx trace` record of one point:
    /// `{"model":"threshold","index":I,"x":[x1,x2],"y":±1,"hidden_net":[…],"hidden":[±1,…],"output_net":v,"yhat":±1}`.
    public func traceRecord(index: Int, x1: Double, x2: Double, y: Double) -> String {
        var json = JSONObject()
        json.add("model", "threshold")
        json.add("index", index)
        json.add("x", [x1, x2])
        json.add("y", y)
        json.add("hidden_net", hiddenNet)
        json.add("hidden", hidden)
        json.add("output_net", outputNet)
        json.add("yhat", yhat)
        return json.text
    }
}

extension MLPTrainer {
    /// The `nnx trace` record of an epoch:
    /// `{"model":"mlp","epoch":E,"loss":…,"accuracy":…,"val_loss":…,"val_accuracy":…,"layers":[[[…]]]}`,
    /// with `layers` the weights after the epoch in the `layers[l][i][j]` layout (null validation figures
    /// when nothing is held out); an epoch whose loss overflowed says `"diverged":true` before its null loss;
    /// with a learning-rate schedule, `"learning_rate":η` (the epoch's η) before `layers`, and on the epoch that
    /// reached `stop_when`, `"stopped_when":"train_loss"` (the measure). Under regression (a linear output)
    /// `accuracy` and `val_accuracy` are null: a value has no class to be right about.
    public func traceRecord(_ summary: EpochSummary) -> String {
        record(summary, layers: network.nestedWeights)
    }

    /// The records of an epoch: one, as `traceRecord`; after the epoch that stopped training early, that
    /// epoch with the weights it ended with, then the weights the network now has, restored from the best
    /// epoch: its record again, marked `"restored":true` with `"stopped_at":E` (so no record pairs one epoch's
    /// loss with another epoch's weights).
    public func traceRecords(_ summary: EpochSummary) -> [String] {
        guard case .earlyStopped(let bestEpoch, let atEpoch) = status, atEpoch == summary.epoch, let stoppedParameters,
              let restored = currentSummary, restored.epoch == bestEpoch else { return [traceRecord(summary)] }
        var stopped = network
        stopped.parameters = stoppedParameters
        return [record(summary, layers: stopped.nestedWeights),
                record(restored, layers: network.nestedWeights, restoredAfter: atEpoch)]
    }

    private func record(_ summary: EpochSummary, layers: [[[Double]]], restoredAfter stop: Int? = nil) -> String {
        var json = JSONObject()
        json.add("model", "mlp")
        json.add("epoch", summary.epoch)
        if let stop {
            json.add("restored", true)
            json.add("stopped_at", stop)
        }
        if !summary.loss.isFinite { json.add("diverged", true) }
        json.add("loss", summary.loss)
        let classified = !network.isRegression
        json.add("accuracy", classified ? summary.accuracy : nil)
        json.add("val_loss", summary.validationLoss)
        json.add("val_accuracy", classified ? summary.validationAccuracy : nil)
        if let eta = summary.learningRate { json.add("learning_rate", eta) }
        if case .stopped(let measure, let epoch) = status, epoch == summary.epoch { json.add("stopped_when", measure.rawValue) }
        json.add("layers", layers)
        return json.text
    }
}

extension MLPTrainer {
    /// An epoch-0 record: the first weights and their loss, so that a per-sample trace can be replayed.
    public var initialTraceRecord: String {
        let training = evaluate(trainingSet)
        let validation = validationSet.isEmpty ? nil : evaluate(validationSet)
        return traceRecord(EpochSummary(epoch: 0, loss: training.loss, accuracy: training.accuracy,
                                        validationLoss: validation?.loss, validationAccuracy: validation?.accuracy))
    }
}

extension MLPUpdate {
    /// The `nnx trace --per-sample` record of one update: its samples, the (last) sample's input and target,
    /// every unit's input sum, output and δ by layer, and every weight's change in the `layers[l][i][j]` layout;
    /// with dropout, last, the sample's `dropped` hidden units (1 dropped, 0 kept; one list per hidden layer).
    public func traceRecord(sizes: [Int]) -> String {
        var json = JSONObject()
        json.add("model", "mlp")
        json.add("epoch", epoch)
        json.add("step", step)
        json.add("samples", samples)
        json.add("x", pass.activations[0])
        json.add("target", target)
        json.add("loss", loss)
        json.add("net", Array(pass.preActivations.dropFirst()))
        json.add("z", Array(pass.activations.dropFirst()))
        json.add("outputs", pass.outputs)
        json.add("deltas", Array(pass.deltas.dropFirst()))
        let nested = weightChanges.enumerated().map { l, flat in
            stride(from: 0, to: flat.count, by: sizes[l + 1]).map { Array(flat[$0..<($0 + sizes[l + 1])]) }
        }
        json.add("weight_changes", nested)
        if let mask { json.add("dropped", mask.dropped) }
        return json.text
    }
}

extension Tensor {
    /// The `nnx trace` record of stage `layer`'s output (of the kind `kind`) for the probe image:
    /// `{"model":"cnn","layer":L,"kind":"conv","shape":[c,h,w],"values":[[[…]]]}`.
    public func traceRecord(layer: Int, kind: String) -> String {
        var o = JSONObject()
        o.add("model", "cnn")
        o.add("layer", layer)
        o.add("kind", kind)
        o.add("shape", shape)
        o.add("values", nested)
        return o.text
    }
}

extension CNNEpochSummary {
    /// The `nnx trace` record of a CNN epoch: `{"model":"cnn","epoch":E,"loss":…,"accuracy":…,"test_accuracy":…}`;
    /// an epoch whose loss overflowed has `"loss":null` and says `"diverged":true` (training stops there).
    public var traceRecord: String {
        var o = JSONObject()
        o.add("model", "cnn")
        o.add("epoch", epoch)
        if !loss.isFinite { o.add("diverged", true) }
        o.add("loss", loss)
        o.add("accuracy", accuracy)
        o.add("test_accuracy", testAccuracy)
        return o.text
    }
}
