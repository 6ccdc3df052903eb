/// Built-in 2-D datasets: the lecture's truth tables, random blobs and TensorFlow Playground's two regression
/// sets, all deterministic by seed.
public enum DatasetKind: String, Sendable, CaseIterable {
    case and, or, xor
    case separable     // two blobs split by a random line, with an empty margin around it
    case overlapping   // two blobs that overlap: no line separates them
    case circles       // a disc of class 1 inside a ring of class 0
    case moons         // two interleaved half circles
    case spirals       // two interleaved spirals
    case blobs         // 2 to 4 Gaussian blobs, one class each
    case plane         // regression: a target rising linearly along x1 + x2
    case gaussians     // regression: six bumps of target +1 or −1

    /// The sets whose points carry a real target instead of a class.
    public var isRegression: Bool { self == .plane || self == .gaussians }

    /// The datasets of the perceptron explorer (two classes, the lecture's tables and blobs).
    public static let perceptronKinds: [DatasetKind] = [.and, .or, .xor, .separable, .overlapping]

    public var displayName: String {
        switch self {
        case .and: "AND"
        case .or: "OR"
        case .xor: "XOR"
        case .separable: "separable blobs"
        case .overlapping: "overlapping blobs"
        case .circles: "circles"
        case .moons: "two moons"
        case .spirals: "two spirals"
        case .blobs: "blobs"
        case .plane: "plane"
        case .gaussians: "Gaussian bumps"
        }
    }
}

public struct DatasetGenerator: Sendable, Hashable {
    public var kind: DatasetKind
    /// Number of points; the truth tables default to their 4 rows.
    public var count: Int
    /// Standard deviation of the Gaussian jitter (tables) or of each blob.
    public var noise: Double
    /// Half-width of the empty band around the separating line (separable blobs only).
    public var margin: Double
    /// Number of classes (blobs only: 2 to 4; every other kind has 2).
    public var classes: Int

    public init(kind: DatasetKind, count: Int? = nil, noise: Double? = nil, margin: Double = 0.1, classes: Int = 2) {
        self.kind = kind
        self.count = count ?? Self.defaultCount(kind)
        self.noise = noise ?? Self.defaultNoise(kind)
        self.margin = margin
        self.classes = kind == .blobs ? min(4, max(2, classes)) : 2
    }

    public static func defaultCount(_ kind: DatasetKind) -> Int {
        switch kind {
        case .and, .or, .xor: 4
        case .separable, .overlapping: 40
        case .circles, .moons, .blobs, .plane, .gaussians: 200
        case .spirals: 300
        }
    }
    public static func defaultNoise(_ kind: DatasetKind) -> Double {
        switch kind {
        case .and, .or, .xor: 0
        case .separable: 0.35
        case .overlapping: 0.5
        case .circles: 0.08
        case .moons: 0.1
        case .spirals: 0.05
        case .blobs: 0.3
        case .plane, .gaussians: 0
        }
    }

    public func generate(seed: UInt64) -> Dataset {
        var rng = SplitMix64(seed: seed)
        switch kind {
        case .and, .or, .xor: return table(&rng)
        case .separable: return separableBlobs(&rng)
        case .overlapping: return overlappingBlobs(&rng)
        case .circles: return circles(&rng)
        case .moons: return moons(&rng)
        case .spirals: return spirals(&rng)
        case .blobs: return blobs(&rng)
        case .plane: return regression(&rng) { x1, x2 in Self.planeTarget(x1, x2) }
        case .gaussians: return regression(&rng) { x1, x2 in Self.gaussiansTarget(x1, x2) }
        }
    }

    /// Playground's `regressPlane` on our scale (its ±6 square is our ±1): the target `0.6 (x1 + x2)`, from
    /// −1.2 to 1.2 over the square.
    public static func planeTarget(_ x1: Double, _ x2: Double) -> Double { 0.6 * (x1 + x2) }

    /// Playground's `regressGaussian` on our scale: six bumps at (±2/3 or 0, ±5/12), signs alternating, each
    /// `±max(0, 1 − 3d)` at distance d from its centre; a point takes the bump of largest size.
    public static func gaussiansTarget(_ x1: Double, _ x2: Double) -> Double {
        var target = 0.0
        for (cx, cy, sign) in gaussianBumps {
            let d = ((x1 - cx) * (x1 - cx) + (x2 - cy) * (x2 - cy)).squareRoot()
            let value = sign * max(0, 1 - 3 * d)
            if abs(value) > abs(target) { target = value }
        }
        return target
    }

    private static let gaussianBumps: [(Double, Double, Double)] = [
        (-2.0 / 3, 5.0 / 12, 1), (0, 5.0 / 12, -1), (2.0 / 3, 5.0 / 12, 1),
        (-2.0 / 3, -5.0 / 12, -1), (0, -5.0 / 12, 1), (2.0 / 3, -5.0 / 12, -1),
    ]

    /// Points uniform in [−1, 1]², each with the target of a point jittered by up to ±`noise` in x1 and x2
    /// (Playground's noise: the target is measured a little off the point).
    private func regression(_ rng: inout SplitMix64, _ target: (Double, Double) -> Double) -> Dataset {
        let samples = (0..<count).map { _ -> Sample in
            let x1 = rng.uniform(-1, 1), x2 = rng.uniform(-1, 1)
            let jitter1 = noise > 0 ? rng.uniform(-noise, noise) : 0
            let jitter2 = noise > 0 ? rng.uniform(-noise, noise) : 0
            return Sample(x1, x2, target: target(x1 + jitter1, x2 + jitter2))
        }
        return Dataset(name: kind.displayName, samples: samples)
    }

    /// The truth table's rows in the lecture's order (00, 01, 10, 11); more points repeat the rows with jitter.
    private func table(_ rng: inout SplitMix64) -> Dataset {
        let corners: [(Double, Double)] = [(0, 0), (0, 1), (1, 0), (1, 1)]
        func label(_ a: Double, _ b: Double) -> Int {
            switch kind {
            case .and: (a == 1 && b == 1) ? 1 : 0
            case .or: (a == 1 || b == 1) ? 1 : 0
            default: (a != b) ? 1 : 0
            }
        }
        var samples: [Sample] = []
        for i in 0..<count {
            let (a, b) = corners[i % 4]
            let jitter1 = noise > 0 ? noise * rng.gaussian() : 0
            let jitter2 = noise > 0 ? noise * rng.gaussian() : 0
            samples.append(Sample(a + jitter1, b + jitter2, label: label(a, b)))
        }
        return Dataset(name: kind.displayName, samples: samples)
    }

    /// Two Gaussian blobs on either side of a random line through the origin; points closer to the line than
    /// `margin` (or on the wrong side) are drawn again, so the set is separable with that margin.
    private func separableBlobs(_ rng: inout SplitMix64) -> Dataset {
        let angle = rng.uniform(0, 2 * Double.pi)
        let normal = (cos(angle), sin(angle))
        let spread = 0.5 + margin
        var samples: [Sample] = []
        var attempts = 0
        while samples.count < count && attempts < count * 1000 {
            attempts += 1
            let label = samples.count % 2
            let sign: Double = label == 1 ? 1 : -1
            let p1 = sign * spread * normal.0 + noise * rng.gaussian()
            let p2 = sign * spread * normal.1 + noise * rng.gaussian()
            let distance = p1 * normal.0 + p2 * normal.1
            if sign * distance >= margin {
                samples.append(Sample(p1, p2, label: label))
            }
        }
        return Dataset(name: kind.displayName, samples: samples)
    }

    /// Class 1 in a disc of radius 0.5, class 0 in a ring of radius 1, radii jittered by `noise`.
    private func circles(_ rng: inout SplitMix64) -> Dataset {
        let samples = (0..<count).map { i -> Sample in
            let label = i % 2 == 0 ? 1 : 0
            let angle = rng.uniform(0, 2 * Double.pi)
            let radius = (label == 1 ? 0.5 * rng.nextUnit().squareRoot() : 1) + noise * rng.gaussian()
            return Sample(radius * cos(angle), radius * sin(angle), label: label)
        }
        return Dataset(name: kind.displayName, samples: samples)
    }

    /// The upper half circle (class 0) and a lower one shifted right and up (class 1), as in the usual
    /// "two moons", centred on the origin.
    private func moons(_ rng: inout SplitMix64) -> Dataset {
        let samples = (0..<count).map { i -> Sample in
            let label = i % 2
            let t = rng.uniform(0, Double.pi)
            let (x, y) = label == 0 ? (cos(t), sin(t)) : (1 - cos(t), 0.5 - sin(t))
            return Sample(x - 0.5 + noise * rng.gaussian(), y - 0.25 + noise * rng.gaussian(), label: label)
        }
        return Dataset(name: kind.displayName, samples: samples)
    }

    /// Two spirals of 1.75 turns, the second the first turned by half a turn.
    private func spirals(_ rng: inout SplitMix64) -> Dataset {
        let perClass = max(1, count / 2)
        let samples = (0..<count).map { i -> Sample in
            let label = i % 2
            let f = Double(i / 2) / Double(perClass)
            let radius = 0.1 + 0.9 * f
            let angle = 1.75 * 2 * Double.pi * f + Double(label) * Double.pi
            return Sample(radius * cos(angle) + noise * rng.gaussian(), radius * sin(angle) + noise * rng.gaussian(), label: label)
        }
        return Dataset(name: kind.displayName, samples: samples)
    }

    /// `classes` Gaussian blobs with centres evenly spaced on the unit circle.
    private func blobs(_ rng: inout SplitMix64) -> Dataset {
        let turn = rng.uniform(0, 2 * Double.pi)
        let samples = (0..<count).map { i -> Sample in
            let label = i % classes
            let angle = turn + 2 * Double.pi * Double(label) / Double(classes)
            return Sample(cos(angle) + noise * rng.gaussian(), sin(angle) + noise * rng.gaussian(), label: label)
        }
        let name = classes == 2 ? kind.displayName : "\(classes) blobs"
        return Dataset(name: name, samples: samples)
    }

    /// Two Gaussian blobs whose centres are closer than their spread.
    private func overlappingBlobs(_ rng: inout SplitMix64) -> Dataset {
        let angle = rng.uniform(0, 2 * Double.pi)
        let centre = (0.35 * cos(angle), 0.35 * sin(angle))
        var samples: [Sample] = []
        for i in 0..<count {
            let label = i % 2
            let sign: Double = label == 1 ? 1 : -1
            samples.append(Sample(sign * centre.0 + noise * rng.gaussian(), sign * centre.1 + noise * rng.gaussian(), label: label))
        }
        return Dataset(name: kind.displayName, samples: samples)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
