/// The perceptron's weights at epoch boundaries → the epoch, for detecting a fixed order's cycle.
///
/// The first `exactEpochs` boundaries go into an open-addressing table (linear probing, a multiply–xorshift
/// hash), so a cycle among them is found at its first repeat. A Swift Dictionary (SipHash, and a cache miss
/// an epoch once large) cost more than a small set's whole epoch of visits. Beyond, the table stops
/// growing (it would miss the caches every epoch) and Brent's method takes over: one checkpoint, moved to
/// the current epoch each time the distance to it reaches the next power of two, so any cycle is still found,
/// within about twice its length, with no memory and one comparison an epoch.
struct EpochHistory: Sendable {
    /// Weights on a grid of η·2⁻³⁰, so that sums of η-multiples that should be equal compare equal despite
    /// rounding, whatever the scale of η (an absolute grid made every weight equal when η was tiny).
    struct Key: Equatable, Sendable {
        let w0: Int64, w1: Int64, w2: Int64
        init(_ weights: [Double], learningRate: Double) {
            let grid = learningRate * 0x1p-30
            func part(_ w: Double) -> Int64 {
                let scaled = (w / grid).rounded()
                return scaled.isFinite && abs(scaled) < 9e18 ? Int64(scaled) : Int64(bitPattern: UInt64(w.bitPattern))
            }
            (w0, w1, w2) = (part(weights[0]), part(weights[1]), part(weights[2]))
        }
    }

    private static let slotLength = 4   // w0, w1, w2, epoch + 1 (0: empty)
    private var slots = [Int64](repeating: 0, count: 64 * slotLength)
    private(set) var count = 0
    let exactEpochs: Int
    private var checkpoint: (key: Key, epoch: Int)?
    private var distance = 1

    init(exactEpochs: Int = 4_096) { self.exactEpochs = exactEpochs }

    /// Records `key` at `epoch` (epochs in increasing order). Returns an earlier epoch with the same key, if
    /// one is known: the first such while the table takes every epoch, a checkpoint's after.
    mutating func record(_ key: Key, epoch: Int) -> Int? {
        if count >= exactEpochs {
            if let earlier = lookUp(key) { return earlier }
            return recordByBrent(key, epoch: epoch)
        }
        return insert(key, epoch: epoch)
    }

    private mutating func recordByBrent(_ key: Key, epoch: Int) -> Int? {
        guard let mark = checkpoint else {
            checkpoint = (key, epoch)
            return nil
        }
        if mark.key == key { return mark.epoch }
        if epoch - mark.epoch >= distance {
            checkpoint = (key, epoch)
            distance *= 2
        }
        return nil
    }

    /// The start of the slot holding `key`, or of the empty slot where it would go.
    private func slot(for key: Key) -> Int {
        let mask = slots.count / Self.slotLength - 1
        var slot = Self.hash(key) & mask
        while true {
            let base = slot * Self.slotLength
            if slots[base + 3] == 0 || (slots[base] == key.w0 && slots[base + 1] == key.w1 && slots[base + 2] == key.w2) { return base }
            slot = (slot + 1) & mask
        }
    }

    /// The epoch the table holds for `key`.
    private func lookUp(_ key: Key) -> Int? {
        let stored = slots[slot(for: key) + 3]
        return stored == 0 ? nil : Int(stored - 1)
    }

    /// Puts `key` at `epoch` in the table unless it is there; returns the epoch it had.
    private mutating func insert(_ key: Key, epoch: Int) -> Int? {
        if 2 * (count + 1) > slots.count / Self.slotLength { grow() }
        let base = slot(for: key)
        if slots[base + 3] != 0 { return Int(slots[base + 3] - 1) }
        slots[base] = key.w0; slots[base + 1] = key.w1; slots[base + 2] = key.w2; slots[base + 3] = Int64(epoch) + 1
        count += 1
        return nil
    }

    private static func hash(_ key: Key) -> Int {
        var h = UInt64(bitPattern: key.w0) &* 0x9E37_79B9_7F4A_7C15
        h ^= UInt64(bitPattern: key.w1) &* 0xC2B2_AE3D_27D4_EB4F
        h ^= UInt64(bitPattern: key.w2) &* 0x1656_67B1_9E37_79F9
        h ^= h >> 29
        h &*= 0xBF58_476D_1CE4_E5B9
        h ^= h >> 32
        return Int(truncatingIfNeeded: h & 0x7FFF_FFFF_FFFF_FFFF)
    }

    private mutating func grow() {
        let old = slots
        slots = [Int64](repeating: 0, count: old.count * 2)
        count = 0
        for base in stride(from: 0, to: old.count, by: Self.slotLength) where old[base + 3] != 0 {
            let key = Key(w0: old[base], w1: old[base + 1], w2: old[base + 2])
            _ = insert(key, epoch: Int(old[base + 3] - 1))
        }
    }
}

extension EpochHistory.Key {
    fileprivate init(w0: Int64, w1: Int64, w2: Int64) { self.w0 = w0; self.w1 = w1; self.w2 = w2 }
}
