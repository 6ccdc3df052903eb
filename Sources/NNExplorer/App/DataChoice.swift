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
