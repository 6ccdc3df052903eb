import NNCore

/// The `threshold:` block: a network of sign units with hand-set weights, `hidden` one row `[w0, w1, w2]` a
/// hidden unit and `output` the output unit's `[v0, v1, …]`.
extension ScenarioReader {
    static let thresholdKeys = ["hidden", "output"]
    /// Each hidden unit gets a line on the plot and its rows in the panel.
    static let thresholdHiddenUnits = 1...4

    func thresholdNetwork(_ field: Field) -> ThresholdNetwork? {
        guard let block = MappingReader(field, keys: Self.thresholdKeys) else { return nil }
        let hidden = block.field("hidden", required: true).flatMap(hiddenUnits)
        guard let outputField = block.field("output", required: true), let hidden else { return nil }
        let why = hidden.count == 1 ? "a bias and the hidden unit's weight" : "a bias and one weight for each of the \(hidden.count) hidden units"
        let expected = "a list of \(hidden.count + 1) numbers [v0, " + (1...hidden.count).map { "v\($0)" }.joined(separator: ", ") + "] (\(why))"
        guard let items = outputField.list(expected) else { return nil }
        guard items.count == hidden.count + 1 else {
            outputField.fail("output must be \(expected), found \(items.count) item\(items.count == 1 ? "" : "s")")
            return nil
        }
        let output = items.enumerated().map { outputField.item($1, named: "v\($0)").number(within: 1e6) }
        guard !output.contains(nil) else { return nil }
        return ThresholdNetwork(hidden: hidden, output: output.compactMap { $0 })
    }

    /// `hidden`: 1 to 4 rows `[w0, w1, w2]`, named h1, h2, … in messages.
    private func hiddenUnits(_ field: Field) -> [[Double]]? {
        let expected = "a list of rows [w0, w1, w2], one a hidden unit"
        guard let items = field.list(expected) else { return nil }
        let range = Self.thresholdHiddenUnits
        guard range.contains(items.count) else {
            field.fail("hidden must have \(range.lowerBound) to \(range.upperBound) units, found \(items.count)")
            return nil
        }
        let rows = items.enumerated().map { initialWeights(field.item($1, named: "h\($0 + 1)")) }
        return rows.contains(nil) ? nil : rows.compactMap { $0 }
    }
}
