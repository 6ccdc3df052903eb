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

/// The data a plane explorer trains on: one of its choices (`d`), drawn from a seed (`s`), which also
/// draws the first weights.
public struct DataSelection: Sendable {
    public let choices: [DataChoice]
    public private(set) var index = 0
    public internal(set) var seed: UInt64

    init(choices: [DataChoice], seed: UInt64) {
        self.choices = choices
        self.seed = seed
    }

    public var choice: DataChoice { choices[index] }

    /// Moves to the next choice whose data differs from `own` (a built-in set equal to the scenario's own
    /// data would look as if `d` did nothing); returns the names of the ones skipped.
    mutating func next(differingFrom own: [Sample]) -> [String] {
        var skipped: [String] = []
        repeat {
            index = (index + 1) % choices.count
            guard case .builtin(let kind) = choice else { break }
            let data = DatasetGenerator(kind: kind).generate(seed: seed)
            guard data.samples == own else { break }
            skipped.append(data.name)
        } while skipped.count < choices.count
        return skipped
    }

    /// Selects the choice a lesson names (`scenario`, `xor`, …); false when there is none of that name.
    mutating func select(named name: String) -> Bool {
        guard let found = choices.firstIndex(where: { $0.name == name }) else { return false }
        index = found
        return true
    }
}
