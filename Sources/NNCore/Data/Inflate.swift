/// A problem in compressed data, at a byte offset of the compressed bytes.
public struct InflateError: Error, Sendable, Equatable {
    public var offset: Int
    public var message: String
}

/// DEFLATE decompression (RFC 1951), written here so that reading a `.gz` file depends on nothing we do not
/// control. The output never grows past `limit` bytes: a stream that would is an error, or, with
/// `stopAtLimit`, is cut there (to read a header before knowing how much to expect).
public enum Inflate {
    /// The DEFLATE stream that starts at `start`: its output and the offset of the first byte after it.
    public static func decompress(_ input: [UInt8], from start: Int = 0, limit: Int, stopAtLimit: Bool = false) throws(InflateError) -> (output: [UInt8], end: Int) {
        // A bit of input makes at most 129 bytes of output (a longest match in the fewest bits), so the
        // input's size bounds the room as well as the limit does.
        let room = max(0, min(limit, (input.count - start) * 1032 + 1032))
        var output = [UInt8](repeating: 0, count: room)
        let result = input.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { output in
                var decoder = InflateDecoder(input: input, position: start, output: output, stopAtLimit: stopAtLimit)
                return Result { () throws(InflateError) in try decoder.run() }.map { (decoder.written, decoder.endOffset) }
            }
        }
        let (written, end) = try result.get()
        output.removeSubrange(written...)
        return (output, end)
    }
}

/// A canonical Huffman code: a table of the next `fastBits` bits for short codes, and the counts and
/// symbols by code length (RFC 1951 §3.2.2) for the longer ones.
struct HuffmanCode {
    static let fastBits = 9
    /// `symbol << 4 | length`, or 0 when the code is longer than `fastBits`.
    var fast: [UInt16]
    var counts: [Int]
    var symbols: [Int]

    /// Nil when the lengths over-subscribe the code space (no prefix code has them).
    init?(lengths: ArraySlice<Int>) {
        counts = Array(repeating: 0, count: 16)
        for length in lengths { counts[length] += 1 }
        counts[0] = 0
        var left = 1
        for length in 1...15 {
            left = left * 2 - counts[length]
            if left < 0 { return nil }
        }
        var offsets = Array(repeating: 0, count: 16)
        for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
        symbols = Array(repeating: 0, count: lengths.count)
        fast = Array(repeating: 0, count: 1 << Self.fastBits)
        var nextCode = Array(repeating: 0, count: 16), code = 0
        for length in 1...15 { code = (code + counts[length - 1]) << 1; nextCode[length] = code }
        for (symbol, length) in zip(0..., lengths) where length > 0 {
            symbols[offsets[length]] = symbol
            offsets[length] += 1
            let assigned = nextCode[length]
            nextCode[length] += 1
            guard length <= Self.fastBits else { continue }
            // The stream holds codes most significant bit first, read from the low bits of each byte.
            var reversed = 0
            for bit in 0..<length where assigned & (1 << bit) != 0 { reversed |= 1 << (length - 1 - bit) }
            for fill in stride(from: reversed, to: 1 << Self.fastBits, by: 1 << length) {
                fast[fill] = UInt16(symbol << 4 | length)
            }
        }
    }
}

/// One pass over a DEFLATE stream into a buffer of fixed room.
struct InflateDecoder {
    let input: UnsafeBufferPointer<UInt8>
    var position: Int
    let output: UnsafeMutableBufferPointer<UInt8>
    let stopAtLimit: Bool
    var written = 0
    private var bits: UInt64 = 0, bitCount = 0
    /// Zero bytes fed in past the end of the input: more than the bit buffer holds means some were decoded.
    private var padding = 0
    private var full = false

    init(input: UnsafeBufferPointer<UInt8>, position: Int, output: UnsafeMutableBufferPointer<UInt8>, stopAtLimit: Bool) {
        self.input = input; self.position = position; self.output = output; self.stopAtLimit = stopAtLimit
    }

    /// The offset just after the last byte the stream used.
    var endOffset: Int { position - bitCount / 8 }

    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
                                       2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    /// The order the code-length code's lengths come in (RFC 1951 §3.2.7).
    private static let lengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
    private static let fixedLiterals = HuffmanCode(lengths: ArraySlice(Array(repeating: 8, count: 144) + Array(repeating: 9, count: 112)
                                                   + Array(repeating: 7, count: 24) + Array(repeating: 8, count: 8)))!
    private static let fixedDistances = HuffmanCode(lengths: ArraySlice(Array(repeating: 5, count: 30)))!

    mutating func run() throws(InflateError) {
        var last = false
        while !last && !full {
            last = try take(1) == 1
            switch try take(2) {
            case 0: try storedBlock()
            case 1: try codedBlock(Self.fixedLiterals, Self.fixedDistances)
            case 2:
                let (literals, distances) = try dynamicCodes()
                try codedBlock(literals, distances)
            default: throw fail("a block of the reserved type 3")
            }
        }
        if padding * 8 > bitCount { throw truncated() }
    }

    private func fail(_ message: String) -> InflateError { InflateError(offset: max(0, endOffset), message: message) }
    private func truncated() -> InflateError { InflateError(offset: input.count, message: "the compressed data ends early") }

    @inline(__always)
    private mutating func refill() throws(InflateError) {
        while bitCount <= 56 {
            if position < input.count {
                bits |= UInt64(input[position]) << UInt64(bitCount)
            } else {
                padding += 1
                if padding > 8 { throw truncated() }
            }
            position += 1
            bitCount += 8
        }
    }

    @inline(__always)
    private mutating func take(_ count: Int) throws(InflateError) -> Int {
        if bitCount < count { try refill() }
        let value = Int(bits & ((1 << UInt64(count)) - 1))
        bits >>= UInt64(count)
        bitCount -= count
        return value
    }

    @inline(__always)
    private mutating func decode(_ code: HuffmanCode) throws(InflateError) -> Int {
        if bitCount < 15 { try refill() }
        let entry = Int(code.fast[Int(bits & ((1 << UInt64(HuffmanCode.fastBits)) - 1))])
        if entry != 0 {
            bits >>= UInt64(entry & 15)
            bitCount -= entry & 15
            return entry >> 4
        }
        // Longer codes, a bit at a time (as in zlib's puff.c).
        var assigned = 0, first = 0, index = 0
        for length in 1...15 {
            assigned |= Int(bits & 1)
            bits >>= 1
            bitCount -= 1
            let count = code.counts[length]
            if assigned - count < first { return code.symbols[index + assigned - first] }
            index += count
            first = (first + count) << 1
            assigned <<= 1
        }
        throw fail("a code that is in no Huffman table")
    }

    private mutating func storedBlock() throws(InflateError) {
        _ = try take(bitCount % 8)
        let length = try take(16), complement = try take(16)
        guard length == ~complement & 0xFFFF else { throw fail("a stored block whose length and its complement disagree") }
        for _ in 0..<length {
            guard try room(1) else { return }
            output[written] = UInt8(try take(8))
            written += 1
        }
    }

    /// Whether `count` more bytes fit; past the limit, an error unless the caller only wants a prefix.
    @inline(__always)
    private mutating func room(_ count: Int) throws(InflateError) -> Bool {
        if written + count <= output.count { return true }
        guard stopAtLimit else { throw fail("the data is longer than the \(output.count) bytes expected") }
        full = true
        return false
    }

    private mutating func dynamicCodes() throws(InflateError) -> (HuffmanCode, HuffmanCode) {
        let literalCount = try take(5) + 257, distanceCount = try take(5) + 1, lengthCount = try take(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else { throw fail("a block with too many codes") }
        var codeLengths = Array(repeating: 0, count: 19)
        for n in 0..<lengthCount { codeLengths[Self.lengthOrder[n]] = try take(3) }
        guard let lengthCode = HuffmanCode(lengths: codeLengths[...]) else { throw fail("a code-length code that is no prefix code") }
        var lengths: [Int] = []
        lengths.reserveCapacity(literalCount + distanceCount)
        while lengths.count < literalCount + distanceCount {
            let symbol = try decode(lengthCode)
            switch symbol {
            case 0...15: lengths.append(symbol)
            case 16:
                guard let previous = lengths.last else { throw fail("a repeated code length with none before it") }
                let extra = try take(2)
                lengths += repeatElement(previous, count: 3 + extra)
            case 17:
                let extra = try take(3)
                lengths += repeatElement(0, count: 3 + extra)
            default:
                let extra = try take(7)
                lengths += repeatElement(0, count: 11 + extra)
            }
        }
        guard lengths.count == literalCount + distanceCount else { throw fail("code lengths that run past their count") }
        guard lengths[256] > 0 else { throw fail("a block without an end-of-block code") }
        guard let literals = HuffmanCode(lengths: lengths[..<literalCount]),
              let distances = HuffmanCode(lengths: lengths[literalCount...]) else { throw fail("code lengths that are no prefix code") }
        return (literals, distances)
    }

    private mutating func codedBlock(_ literals: HuffmanCode, _ distances: HuffmanCode) throws(InflateError) {
        while true {
            let symbol = try decode(literals)
            if symbol < 256 {
                guard try room(1) else { return }
                output[written] = UInt8(symbol)
                written += 1
                continue
            }
            if symbol == 256 { return }
            guard symbol <= 285 else { throw fail("a length code (\(symbol)) that does not exist") }
            let lengthExtra = try take(Self.lengthExtra[symbol - 257])
            let length = Self.lengthBase[symbol - 257] + lengthExtra
            let distanceSymbol = try decode(distances)
            guard distanceSymbol < 30 else { throw fail("a distance code (\(distanceSymbol)) that does not exist") }
            let distanceExtra = try take(Self.distanceExtra[distanceSymbol])
            let distance = Self.distanceBase[distanceSymbol] + distanceExtra
            guard distance <= written else { throw fail("a distance (\(distance)) back past the start of the data") }
            let copied = min(length, output.count - written)
            // Byte by byte: a match may overlap the bytes it copies (a run).
            for n in 0..<copied { output[written + n] = output[written - distance + n] }
            written += copied
            guard copied == length else {
                _ = try room(length)
                return
            }
        }
    }
}
