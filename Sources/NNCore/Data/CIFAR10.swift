/// CIFAR-10 in its binary form (`cifar-10-batches-bin`): records of a label byte and 3,072 pixel bytes, the
/// red, green and blue planes of a 32×32 image one after another, each row by row.
public enum CIFAR10 {
    public static let side = 32
    public static let recordSize = 1 + 3 * side * side
    public static let trainingFiles = (1...5).map { "data_batch_\($0).bin" }
    public static let testFile = "test_batch.bin"
    public static let metaFile = "batches.meta.txt"
    public static let classes = 10

    /// One batch file's records (any whole number of them; the distributed ones hold 10,000).
    public static func batch(_ bytes: [UInt8], file: String) throws(DataFileError) -> ByteImages {
        guard !bytes.isEmpty else { throw DataFileError(file: file, message: "the file is empty") }
        guard bytes.count % recordSize == 0 else {
            throw DataFileError(file: file, offset: bytes.count - bytes.count % recordSize,
                                message: "the file ends inside a record: \(bytes.count) bytes are not whole records of \(recordSize) (a label byte and 3×32×32 pixels)")
        }
        let count = bytes.count / recordSize
        var labels = [UInt8](repeating: 0, count: count)
        var pixels = [UInt8](repeating: 0, count: count * (recordSize - 1))
        for n in 0..<count {
            let label = bytes[n * recordSize]
            guard Int(label) < classes else {
                throw DataFileError(file: file, offset: n * recordSize, message: "record \(n) has label \(label); CIFAR-10's classes are 0 to 9")
            }
            labels[n] = label
        }
        pixels.withUnsafeMutableBytes { pixels in
            bytes.withUnsafeBytes { bytes in
                for n in 0..<count {
                    let from = n * recordSize + 1
                    pixels.baseAddress!.advanced(by: n * (recordSize - 1)).copyMemory(from: bytes.baseAddress!.advanced(by: from), byteCount: recordSize - 1)
                }
            }
        }
        return ByteImages(channels: 3, height: side, width: side, pixels: pixels, labels: labels)
    }

    /// The class names, one a line (`batches.meta.txt`; blank lines ignored): exactly ten.
    public static func classNames(_ text: String, file: String) throws(DataFileError) -> [String] {
        let names = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: " \t\r") }.filter { !$0.isEmpty }
        guard names.count == classes else {
            throw DataFileError(file: file, message: "\(names.count) class names; CIFAR-10 has \(classes), one a line")
        }
        return names
    }

    /// Batches one after another (they must all be CIFAR images, as `batch` makes them).
    public static func joined(_ batches: [ByteImages]) -> ByteImages {
        ByteImages(channels: 3, height: side, width: side, pixels: batches.flatMap(\.pixels), labels: batches.flatMap(\.labels))
    }
}
