/// A gzip file (RFC 1952): a header, DEFLATE data, and a trailer holding the CRC-32 and the length (mod 2³²)
/// of the original bytes, both checked; one member or several in a row.
public enum Gzip {
    /// Whether `bytes` start with gzip's magic number.
    public static func isGzip(_ bytes: [UInt8]) -> Bool { bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B }

    /// The decompressed bytes, never more than `limit`. With `prefixOnly`, the first `limit` bytes (no
    /// trailer check): enough to read a header that says how long the rest is. Members written one after
    /// another (`cat a.gz b.gz`, what some compressors write) give their data one after another.
    public static func decompress(_ bytes: [UInt8], limit: Int, prefixOnly: Bool = false) throws(InflateError) -> [UInt8] {
        var output: [UInt8] = [], memberStart = 0
        while true {
            let start = try dataStart(bytes, at: memberStart)
            let (member, end) = try Inflate.decompress(bytes, from: start, limit: limit - output.count, stopAtLimit: prefixOnly)
            output += member
            if prefixOnly && output.count == limit { return output }
            guard end + 8 <= bytes.count else { throw InflateError(offset: bytes.count, message: "the file ends before the gzip trailer (CRC-32 and length)") }
            let crc = littleEndian32(bytes, end), length = littleEndian32(bytes, end + 4)
            guard crc == CRC32.checksum(member) else {
                throw InflateError(offset: end, message: "the CRC-32 of the data does not match the trailer's: the file is corrupt")
            }
            guard length == UInt32(truncatingIfNeeded: member.count) else {
                throw InflateError(offset: end + 4, message: "the data is \(member.count) bytes but the trailer says \(length)")
            }
            memberStart = end + 8
            if memberStart == bytes.count { return output }
            guard isGzip(Array(bytes[memberStart..<min(bytes.count, memberStart + 2)])) else {
                let extra = bytes.count - memberStart
                throw InflateError(offset: memberStart, message: extra == 1 ? "1 byte that is not gzip data follows the gzip data"
                                   : "\(extra) bytes that are not gzip data follow the gzip data")
            }
        }
    }

    /// The offset where the DEFLATE data starts, after the header and its optional fields.
    private static func dataStart(_ bytes: [UInt8], at member: Int) throws(InflateError) -> Int {
        guard isGzip(Array(bytes[member...].prefix(2))) else { throw InflateError(offset: member, message: "not gzip data (it must start with 1f 8b)") }
        guard bytes.count >= member + 10 else { throw InflateError(offset: bytes.count, message: "the file ends inside the gzip header") }
        guard bytes[member + 2] == 8 else { throw InflateError(offset: member + 2, message: "compression method \(bytes[member + 2]) is not DEFLATE (8)") }
        let flags = bytes[member + 3]
        guard flags & 0xE0 == 0 else { throw InflateError(offset: member + 3, message: "reserved gzip header flags are set") }
        var offset = member + 10
        func need(_ count: Int) throws(InflateError) {
            guard offset + count <= bytes.count else { throw InflateError(offset: bytes.count, message: "the file ends inside the gzip header") }
        }
        if flags & 0x04 != 0 {
            try need(2)
            let extra = Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
            offset += 2
            try need(extra)
            offset += extra
        }
        for flag: UInt8 in [0x08, 0x10] where flags & flag != 0 {   // the file name, then a comment, each ending in 0
            while true {
                try need(1)
                offset += 1
                if bytes[offset - 1] == 0 { break }
            }
        }
        if flags & 0x02 != 0 {
            try need(2)
            let stored = UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8
            guard stored == CRC32.checksum(bytes[member..<offset]) & 0xFFFF else {
                throw InflateError(offset: offset, message: "the gzip header's CRC-16 does not match")
            }
            offset += 2
        }
        return offset
    }

    private static func littleEndian32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }
    }
}

/// The CRC-32 of gzip and PNG (polynomial 0xEDB88320, reflected).
public enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { n in
        (0..<8).reduce(UInt32(n)) { c, _ in c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    }

    public static func checksum<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt32 {
        table.withUnsafeBufferPointer { table in
            ~bytes.reduce(~UInt32(0)) { c, byte in table[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        }
    }
}
