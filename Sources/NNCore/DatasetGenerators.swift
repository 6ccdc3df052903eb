/// Built-in 2-D datasets: the lecture's truth tables and random blobs, all deterministic by seed.
public enum DatasetKind: String, Sendable, CaseIterable {
    case and, or, xor
    case separable     // two blobs split by a random line, with an empty margin around it
    case overlapping   // two blobs that overlap: no line separates them

    public var displayName: String {
        switch self {
        case .and: "AND"
        case .or: "OR"
        case .xor: "XOR"
        case .separable: "separable blobs"
        case .overlapping: "overlapping blobs"
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

    public init(kind: DatasetKind, count: Int? = nil, noise: Double? = nil, margin: Double = 0.1) {
        self.kind = kind
        self.count = count ?? Self.defaultCount(kind)
        self.noise = noise ?? Self.defaultNoise(kind)
        self.margin = margin
    }

    public static func defaultCount(_ kind: DatasetKind) -> Int {
        switch kind {
        case .and, .or, .xor: 4
        case .separable, .overlapping: 40
        }
    }
    public static func defaultNoise(_ kind: DatasetKind) -> Double {
        switch kind {
        case .and, .or, .xor: 0
        case .separable: 0.35
        case .overlapping: 0.5
        }
    }

    public func generate(seed: UInt64) -> Dataset {
        var rng = SplitMix64(seed: seed)
        switch kind {
        case .and, .or, .xor: return table(&rng)
        case .separable: return separableBlobs(&rng)
        case .overlapping: return overlappingBlobs(&rng)
        }
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
