/// Moving an image and measuring how much each stage's output moves with it: the lecture's "translation
/// invariance" as numbers.
extension Tensor {
    /// The maps moved `right` columns and `down` rows (negative: left and up); the values moved in are 0.
    public func shifted(right: Int, down: Int) -> Tensor {
        var result = Tensor(channels: channels, height: height, width: width)
        for c in 0..<channels {
            for y in max(0, down)..<min(height, height + down) {
                for x in max(0, right)..<min(width, width + right) { result[c, y, x] = self[c, y - down, x - right] }
            }
        }
        return result
    }

    /// `‖other − self‖ / ‖self‖` (Euclidean norms over every value); nil when `self` is all zeros.
    public func relativeChange(to other: Tensor) -> Double? {
        precondition(shape == other.shape, "comparing \(shape) with \(other.shape)")
        var difference = 0.0, size = 0.0
        for n in values.indices {
            difference += (other.values[n] - values[n]) * (other.values[n] - values[n])
            size += values[n] * values[n]
        }
        return size > 0 ? (difference / size).squareRoot() : nil
    }
}
