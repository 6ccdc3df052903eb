import NNCore
import Yams

/// The shape of an MLP: `layers` and the `initial_weights` that must fit it.
extension ScenarioReader {
    /// The most layers (input and output included) a scenario may have, and the most units in one.
    static let maxLayers = 10
    static let maxUnits = 256

    /// `features: [x1, x2, x1_squared, …]`: what the input units see of a point, any of the seven once each.
    func features(_ field: Field) -> [InputFeature]? {
        guard let items = field.list("a list of input features such as [x1, x2, x1_squared]") else { return nil }
        guard !items.isEmpty else {
            field.fail("features must name at least one input feature, such as [x1, x2]")
            return nil
        }
        var seen: [InputFeature] = []
        var wrong = false
        for (i, item) in items.enumerated() {
            let entry = field.item(item, named: "features[\(i)]")
            guard let feature = entry.choice(InputFeature.self) else { wrong = true; continue }
            if seen.contains(feature) {
                entry.fail("features[\(i)]: \(feature.rawValue) is already an input; each feature may appear once")
                wrong = true
            }
            seen.append(feature)
        }
        return wrong ? nil : seen
    }

    /// `layers: [F, …, K]`: the F input units first (one per feature: 2 for x1, x2), then each layer's
    /// number of units. `features`: the scenario's features (nil when they were wrong: no check).
    func layers(_ field: Field, features: [InputFeature]?) -> [Int]? {
        guard let items = field.list("a list of layer sizes such as [2, 2, 1]") else { return nil }
        guard items.count >= 2 else {
            field.fail("layers must have at least 2 sizes, the 2 inputs and the outputs, such as [2, 1]; "
                       + "found \(items.count)")
            return nil
        }
        guard items.count <= Self.maxLayers else {
            field.fail("layers must have at most \(Self.maxLayers) sizes, found \(items.count)")
            return nil
        }
        let sizes = items.enumerated().map { field.item($1, named: "layers[\($0)]").integer(in: 1...Self.maxUnits) }
        if let first = sizes[0], let features, first != features.count {
            let names = features.map(\.rawValue).joined(separator: ", ")
            let what = features == InputFeature.coordinates ? "the inputs x1 and x2" : "one input unit per feature [\(names)]"
            field.item(items[0], named: "layers[0]").fail("layers[0] must be \(features.count), \(what); found \(first)")
            return nil
        }
        return sizes.contains(nil) ? nil : sizes.compactMap { $0 }
    }

    /// `initial_weights[l][i][j]`: one matrix per pair of neighbouring layers, matrix l with a bias row and
    /// one row per unit of layer l (`layers[l] + 1` rows), each row one weight per unit of layer l + 1.
    func initialWeights(_ field: Field, sizes: [Int]) -> [[[Double]]]? {
        let count = sizes.count - 1
        let matrices = count == 1 ? "1 matrix" : "\(count) matrices"
        let layout = "one per pair of neighbouring layers in \(sizes)"
        guard let items = field.list("a list of \(matrices) [layer][row][column], \(layout)") else { return nil }
        guard items.count == count else {
            field.fail("initial_weights must have \(matrices), \(layout); found \(items.count)")
            return nil
        }
        let weights = items.enumerated().map { l, item in
            matrix(field.item(item, named: "initial_weights[\(l)]"), rows: sizes[l] + 1, columns: sizes[l + 1], layer: l)
        }
        return weights.contains(nil) ? nil : weights.compactMap { $0 }
    }

    /// Matrix `l`: `rows` rows of `columns` numbers.
    private func matrix(_ field: Field, rows: Int, columns: Int, layer l: Int) -> [[Double]]? {
        let rowText = "\(rows) rows, the bias row and one per unit of layer \(l)"
        guard let items = field.list("a matrix of \(rowText)") else { return nil }
        guard items.count == rows else {
            field.fail("\(field.name) must have \(rowText) (\(plural(rows - 1, "unit"))); found \(items.count)")
            return nil
        }
        let weightText = "\(plural(columns, "weight")), one per unit of layer \(l + 1)"
        let matrix = items.enumerated().map { i, item -> [Double]? in
            let row = field.item(item, named: "\(field.name)[\(i)]")
            guard let values = row.list("a row of \(weightText)") else { return nil }
            guard values.count == columns else {
                row.fail("\(row.name) must have \(weightText); found \(values.count)")
                return nil
            }
            let numbers = values.enumerated().map { row.item($1, named: "\(row.name)[\($0)]").number(within: 1e6) }
            return numbers.contains(nil) ? nil : numbers.compactMap { $0 }
        }
        return matrix.contains(nil) ? nil : matrix.compactMap { $0 }
    }
}
