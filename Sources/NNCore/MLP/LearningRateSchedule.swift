#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How η changes from epoch to epoch, named as Keras names its schedules (`ExponentialDecay` with
/// `staircase=True` for step decay, `InverseTimeDecay`), but counting epochs where Keras counts updates.
/// η₀ is the scenario's `learning_rate`; t the epochs completed before the update (0 in the first epoch).
public enum LearningRateSchedule: Sendable, Hashable {
    /// η = η₀.
    case constant
    /// η_t = η₀ · decay_rate^⌊t / decay_steps⌋: η times `decayRate` every `decaySteps` epochs.
    case step(decaySteps: Int, decayRate: Double)
    /// η_t = η₀ / (1 + decay_rate · t / decay_steps).
    case inverseTime(decaySteps: Int, decayRate: Double)

    /// The η of an update after `t` completed epochs.
    public func rate(base eta0: Double, epochsDone t: Int) -> Double {
        switch self {
        case .constant: eta0
        case .step(let steps, let rate): eta0 * pow(rate, Double(t / steps))
        case .inverseTime(let steps, let rate): eta0 / (1 + rate * Double(t) / Double(steps))
        }
    }

    /// The formula, for the screen: `η₀·0.5^⌊t/10⌋`, `η₀/(1 + 0.1·t)`.
    public func formula(_ number: (Double) -> String) -> String {
        switch self {
        case .constant: "η₀"
        case .step(let steps, let rate): "η₀·\(number(rate))^⌊t/\(steps)⌋"
        case .inverseTime(let steps, let rate): steps == 1 ? "η₀/(1 + \(number(rate))·t)" : "η₀/(1 + \(number(rate))·t/\(steps))"
        }
    }
}
