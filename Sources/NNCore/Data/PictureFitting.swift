extension Tensor {
    /// This picture as a network's input of `channels` maps of `height × width`. Colour becomes grey by its
    /// luma (0.299 R + 0.587 G + 0.114 B, ITU-R BT.601) and grey becomes colour in three equal maps. The
    /// picture is scaled by one factor for both sides, the largest that fits, by area averaging (each new
    /// pixel is the mean of the part of the picture it covers, partly covered pixels weighted by their
    /// share), and centred: letterboxed, the bars taking each map's mean over the picture's outermost
    /// pixels (its background, so a dark digit on white paper gets white bars). A picture of the right
    /// size and channels comes out unchanged.
    public func fitted(channels: Int, height: Int, width: Int) -> Tensor {
        let picture = converted(to: channels)
        let scale = min(Double(height) / Double(self.height), Double(width) / Double(self.width))
        let innerHeight = max(1, min(height, Int((Double(self.height) * scale).rounded())))
        let innerWidth = max(1, min(width, Int((Double(self.width) * scale).rounded())))
        let rowWeights = Self.areaWeights(from: self.height, to: innerHeight)
        let columnWeights = Self.areaWeights(from: self.width, to: innerWidth)
        let top = (height - innerHeight) / 2, left = (width - innerWidth) / 2
        var result = Tensor(channels: channels, height: height, width: width)
        for c in 0..<channels {
            let background = picture.borderMean(c)
            for y in 0..<height { for x in 0..<width { result[c, y, x] = background } }
            // Columns first (each picture row to innerWidth values), then rows.
            var narrowed = [Double](repeating: 0, count: self.height * innerWidth)
            for y in 0..<self.height {
                for (x, weights) in columnWeights.enumerated() {
                    narrowed[y * innerWidth + x] = weights.reduce(0) { $0 + $1.weight * picture[c, y, $1.index] }
                }
            }
            for (y, weights) in rowWeights.enumerated() {
                for x in 0..<innerWidth {
                    result[c, top + y, left + x] = weights.reduce(0) { $0 + $1.weight * narrowed[$1.index * innerWidth + x] }
                }
            }
        }
        return result
    }

    private func converted(to channels: Int) -> Tensor {
        if channels == self.channels { return self }
        let plane = height * width
        if channels == 1, self.channels == 3 {
            let luma = (0..<plane).map { 0.299 * values[$0] + 0.587 * values[plane + $0] + 0.114 * values[2 * plane + $0] }
            return Tensor(channels: 1, height: height, width: width, values: luma)
        }
        precondition(self.channels == 1, "pictures are grey or colour")
        return Tensor(channels: channels, height: height, width: width, values: Array([[Double]](repeating: values, count: channels).joined()))
    }

    /// The mean of map `c`'s outermost rows and columns.
    private func borderMean(_ c: Int) -> Double {
        var sum = 0.0, count = 0
        for y in 0..<height {
            for x in 0..<width where y == 0 || y == height - 1 || x == 0 || x == width - 1 {
                sum += self[c, y, x]
                count += 1
            }
        }
        return sum / Double(count)
    }

    /// For each of `newCount` cells spanning `count` old ones: the old cells it overlaps and the share of
    /// the new cell each covers (summing to 1).
    private static func areaWeights(from count: Int, to newCount: Int) -> [[(index: Int, weight: Double)]] {
        let step = Double(count) / Double(newCount)
        return (0..<newCount).map { n in
            if count == newCount { return [(n, 1)] }
            let start = Double(n) * step, end = Double(n + 1) * step
            return (Int(start)..<min(count, Int(end.rounded(.up)))).compactMap { i in
                let overlap = min(Double(i + 1), end) - max(Double(i), start)
                return overlap > 0 ? (i, overlap / step) : nil
            }
        }
    }
}
