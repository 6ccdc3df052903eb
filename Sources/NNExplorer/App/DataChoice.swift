import NNCore

/// A dataset the `d` key cycles through: the scenario's own first, then built-in ones.
public enum DataChoice: Sendable, Hashable {
    case scenario
    case builtin(DatasetKind)

    /// The name lesson scripts use: `scenario`, or the generator's (`xor`, `circles`, …).
    public var name: String {
        switch self {
        case .scenario: "scenario"
        case .builtin(let kind): kind.rawValue
        }
    }
}

extension DataChoice {
    /// The index of the choice after `index` whose data differs from `own` (a built-in set equal to the
    /// scenario's own data would look as if `d` did nothing), and the names of the ones skipped.
    static func next(after index: Int, in choices: [DataChoice], seed: UInt64, differingFrom own: [Sample]) -> (index: Int, skipped: [String]) {
        var index = index, skipped: [String] = []
        repeat {
            index = (index + 1) % choices.count
            guard case .builtin(let kind) = choices[index] else { break }
            let data = DatasetGenerator(kind: kind).generate(seed: seed)
            guard data.samples == own else { break }
            skipped.append(data.name)
        } while skipped.count < choices.count
        return (index, skipped)
    }

    /// The `d` key's remark: the set now shown, and any skipped for being the scenario's own.
    static func note(showing name: String, skipped: [String]) -> String {
        "dataset: \(name)" + (skipped.isEmpty ? "" : " (\(skipped.joined(separator: ", ")) = scenario's)")
    }
}
