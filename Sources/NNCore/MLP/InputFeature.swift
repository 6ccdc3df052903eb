#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NNKernels

/// What the network's input units see of a point (x1, x2): TensorFlow Playground's seven features. A point
/// becomes its feature vector where it enters the network (`MLP.inputs`), so training, the regions, the δ
/// ledger and the error surface all see the same inputs.
public enum InputFeature: String, Sendable, CaseIterable {
    case x1, x2
    case x1Squared = "x1_squared", x2Squared = "x2_squared"
    case x1TimesX2 = "x1_x2"
    case sinX1 = "sin_x1", sinX2 = "sin_x2"

    /// The lecture's inputs: the two coordinates.
    public static let coordinates: [InputFeature] = [.x1, .x2]

    /// The feature's value at (x1, x2).
    public func value(_ x1: Double, _ x2: Double) -> Double {
        switch self {
        case .x1: x1
        case .x2: x2
        case .x1Squared: x1 * x1
        case .x2Squared: x2 * x2
        case .x1TimesX2: x1 * x2
        case .sinX1: sin(x1)
        case .sinX2: sin(x2)
        }
    }

    /// As written on screen: x1², x1·x2, sin x1 (the ASCII fold spells x1^2, x1*x2).
    public var name: String {
        switch self {
        case .x1, .x2: rawValue
        case .x1Squared: "x1²"
        case .x2Squared: "x2²"
        case .x1TimesX2: "x1·x2"
        case .sinX1: "sin x1"
        case .sinX2: "sin x2"
        }
    }

    /// The code the point kernels compute the feature by (see NNKernels' `FeatureCode`).
    public var code: Int {
        switch self {
        case .x1: FeatureCode.x1
        case .x2: FeatureCode.x2
        case .x1Squared: FeatureCode.x1Squared
        case .x2Squared: FeatureCode.x2Squared
        case .x1TimesX2: FeatureCode.x1TimesX2
        case .sinX1: FeatureCode.sinX1
        case .sinX2: FeatureCode.sinX2
        }
    }
}

extension MLP {
    /// The input vector of the point (x1, x2): one value per feature.
    public func inputs(_ x1: Double, _ x2: Double) -> [Double] { features.map { $0.value(x1, x2) } }

    /// The input vector of a sample.
    public func inputs(of sample: Sample) -> [Double] { inputs(sample.x1, sample.x2) }
}
