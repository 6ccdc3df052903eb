/// MNIST's IDX files and those of its relatives (Fashion-MNIST, KMNIST, EMNIST), plain or gzip-compressed:
/// images `0x00000803` (unsigned bytes, 3 dimensions: count, rows, columns), labels `0x00000801` (count),
/// every number big-endian, then the bytes. Nothing is read past the sizes the header declares.
public enum IDX {
    public static let imagesMagic = 0x0000_0803
    public static let labelsMagic = 0x0000_0801
    /// IDX files do not say how many classes there are; EMNIST's largest split has 62.
    public static let maxClasses = 62

    /// An image file's bytes (plain or gzip) as `count` images of `rows × columns`; at most `maxBytes` pixels.
    public static func images(_ bytes: [UInt8], file: String, maxBytes: Int) throws(DataFileError) -> (count: Int, rows: Int, columns: Int, pixels: [UInt8]) {
        let data = try contents(bytes, file: file, headerSize: 16, magic: imagesMagic, maxBytes: maxBytes) { header throws(DataFileError) in
            let (count, rows, columns) = (bigEndian32(header, 4), bigEndian32(header, 8), bigEndian32(header, 12))
            guard (1...ImageFiles.maxSide).contains(rows), (1...ImageFiles.maxSide).contains(columns) else {
                throw DataFileError(file: file, offset: 8, message: "images of \(rows)×\(columns) pixels: nnx takes 1 to \(ImageFiles.maxSide) rows and columns")
            }
            return (count, rows * columns, "\(count) images of \(rows)×\(columns) pixels")
        }
        let (count, rows, columns) = (bigEndian32(data, 4), bigEndian32(data, 8), bigEndian32(data, 12))
        return (count, rows, columns, Array(data[16...]))
    }

    /// A label file's bytes (plain or gzip): one class a byte, each below `maxClasses`.
    public static func labels(_ bytes: [UInt8], file: String, maxBytes: Int) throws(DataFileError) -> [UInt8] {
        let data = try contents(bytes, file: file, headerSize: 8, magic: labelsMagic, maxBytes: maxBytes) { header in
            (bigEndian32(header, 4), 1, "\(bigEndian32(header, 4)) labels")
        }
        if let bad = data.dropFirst(8).firstIndex(where: { $0 >= maxClasses }) {
            throw DataFileError(file: file, offset: bad, message: "label \(data[bad]) of image \(bad - 8) is not a class (0 to \(maxClasses - 1))")
        }
        return Array(data[8...])
    }

    /// Images and labels from their two files, which must hold as many.
    public static func imageSet(images: [UInt8], imagesFile: String, labels: [UInt8], labelsFile: String, maxBytes: Int) throws(DataFileError) -> ByteImages {
        let pictures = try self.images(images, file: imagesFile, maxBytes: maxBytes)
        let classes = try self.labels(labels, file: labelsFile, maxBytes: maxBytes)
        guard classes.count == pictures.count else {
            throw DataFileError(file: labelsFile, message: "\(classes.count) labels for the \(pictures.count) images of \(imagesFile)")
        }
        return ByteImages(channels: 1, height: pictures.rows, width: pictures.columns, pixels: pictures.pixels, labels: classes)
    }

    /// The file's bytes, decompressed if gzip, checked to be exactly the header and the `count × itemSize`
    /// bytes it declares (`declared` reads them from the header and names them for messages).
    private static func contents(_ bytes: [UInt8], file: String, headerSize: Int, magic: Int, maxBytes: Int,
                                 declared: ([UInt8]) throws(DataFileError) -> (count: Int, itemSize: Int, what: String)) throws(DataFileError) -> [UInt8] {
        let compressed = Gzip.isGzip(bytes)
        let data = compressed ? "the decompressed data" : "the file"
        var header = bytes
        if compressed {
            do { header = try Gzip.decompress(bytes, limit: headerSize, prefixOnly: true) } catch { throw gzipProblem(file, error) }
        }
        guard header.count >= headerSize else {
            throw DataFileError(file: file, offset: header.count, message: "\(data) ends inside its \(headerSize)-byte header")
        }
        let found = bigEndian32(header, 0)
        guard found == magic else {
            let other = found == imagesMagic ? " (that of an image file)" : found == labelsMagic ? " (that of a label file)" : ""
            throw DataFileError(file: file, offset: 0, message: "the magic number is \(hex(found))\(other), not \(hex(magic)) "
                                + "(\(magic == imagesMagic ? "images: unsigned bytes, 3 dimensions" : "labels: unsigned bytes, 1 dimension"))")
        }
        let (count, itemSize, what) = try declared(header)
        guard count >= 1 else { throw DataFileError(file: file, offset: 4, message: "the header declares no \(magic == imagesMagic ? "images" : "labels")") }
        guard count * itemSize <= maxBytes else {
            // EMNIST's two largest splits are the files a teacher most likely meets this with.
            let smaller = magic == imagesMagic ? " (of EMNIST's splits, balanced, letters and mnist fit; digits, byclass and bymerge do not)" : ""
            throw DataFileError(file: file, offset: 4, message: "the header declares \(what): more than the \(maxBytes) bytes nnx holds in memory\(smaller)")
        }
        let size = headerSize + count * itemSize
        var contents = bytes
        if compressed {
            do { contents = try Gzip.decompress(bytes, limit: size) } catch {
                if error.message.hasPrefix("the data is longer") {
                    throw DataFileError(file: file, message: "the decompressed data is longer than the \(size) bytes of the \(what) its header declares")
                }
                throw gzipProblem(file, error)
            }
        }
        guard contents.count >= size else {
            throw DataFileError(file: file, offset: contents.count, message: "\(data) ends, but its header declares \(what) (\(size) bytes)")
        }
        guard contents.count == size else {
            throw DataFileError(file: file, offset: size, message: "\(contents.count - size) bytes follow the \(what) its header declares")
        }
        return contents
    }

    private static func gzipProblem(_ file: String, _ error: InflateError) -> DataFileError {
        DataFileError(file: file, offset: error.offset, message: "corrupt gzip data: \(error.message)")
    }

    private static func bigEndian32(_ bytes: [UInt8], _ offset: Int) -> Int {
        (0..<4).reduce(0) { $0 << 8 | Int(bytes[offset + $1]) }
    }

    private static func hex(_ value: Int) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}
