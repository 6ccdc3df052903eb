import Foundation
@testable import NNCore
import XCTest

/// A gzip file of stored (uncompressed) DEFLATE blocks, as the tests need it: the header, blocks of at
/// most 65,535 bytes, the CRC-32 and the length.
func storedGzip(_ data: [UInt8], crc: UInt32? = nil, length: UInt32? = nil) -> [UInt8] {
    var out: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3]
    var chunks = stride(from: 0, to: data.count, by: 65_535).map { Array(data[$0..<min(data.count, $0 + 65_535)]) }
    if chunks.isEmpty { chunks = [[]] }
    for (n, chunk) in chunks.enumerated() {
        let count = UInt16(chunk.count)
        out += [n == chunks.count - 1 ? 1 : 0, UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8(~count >> 8)] + chunk
    }
    func le(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * UInt32($0))) & 0xFF) } }
    return out + le(crc ?? CRC32.checksum(data)) + le(length ?? UInt32(data.count))
}

func bigEndian(_ values: [Int]) -> [UInt8] { values.flatMap { v in (0..<4).map { UInt8((v >> (24 - 8 * $0)) & 0xFF) } } }

/// An IDX image file of `count` images of rows × columns, pixel n of the file being `n % 251`.
func idxImages(_ count: Int, _ rows: Int, _ columns: Int, magic: Int = 0x803) -> [UInt8] {
    bigEndian([magic, count, rows, columns]) + (0..<(count * rows * columns)).map { UInt8($0 % 251) }
}

func idxLabels(_ labels: [UInt8], count: Int? = nil) -> [UInt8] { bigEndian([0x801, count ?? labels.count]) + labels }

final class InflateTests: XCTestCase {
    func testCRC32OfAKnownString() {
        XCTAssertEqual(CRC32.checksum(Array("123456789".utf8)), 0xCBF4_3926)   // the check value of CRC-32/ISO-HDLC
    }

    func testDynamicHuffmanBlocksMadeByZlib() throws {
        // Python: gzip.compress(bytes((((i*i)>>5) ^ (i>>3)) & 0x3F for i in range(6000)), 9, mtime=0)
        let base64 = """
        H4sIAAAAAAACA+3Tx9ayzBIFYECRRkVyFOgmZ0RSEwTu/67+7z3XcIbsPa21qmrwEMRfSPJyoSj6ytzuD8C+eE4SBU19m9AJY+SXdVbgb/ubF4Z4cUCXRMeI/LrA3bGC\
        J3E1bFEtPn68NfhOMYajFVU8/0b2QkOxzNHetywDVSn1dvy8kYacR1vP3Vz9kxxYMAjQTF4mv6n78Etq6wK+e1JZJBi3QoR0v6PcvrFdkklXtk1SlwaHnznEsNQy8zgC\
        QyF+aShyK/ZdbsK+xE9DLHN7FmpkV0H21yLtumSQ31ok3nCosVNhcVvpvPYP5I8PaggBNaQYdJQU9YyWr8CsD87/Elq0srC6aqh9utmqe+3TzBmh3kDSkk5KS/WqB8cj\
        /RHK9BSjB/RHB2HLx0Y1vqvRLEczGKD3tNBL8Vn9oKWJrLEdf43grm7XanQTXj+YJiUmAXhmV1CL+kzcRQaei6u7Z4zVw4OD8kLWT2MDZpb6jEqMXQUfanYa9V5fkvch\
        TyFRgl7c3oz/qgCWWjhFt4Cr2V77yhucbQrdwnvGf7hW+GpYGc3pvTibvbk7PP6VQH8lvUtA+XTIxPcCZK9/w2KjDe8ZbuENUeUre2CxtWeLQf9b8nWmiKofWD7eoCRC\
        4ycOBe/fNgHn/07ctEd1m+0xu0TwW96R20tsAgfp77Hy5hldTm8KF7v4wxy6MBFpY3isvFL5YCcvKwDizlQLmY5O8YVR76K7HbNywkohKyXAjQD0WQcNVt0xxXExesJO\
        r2K16v7OGZiSPpMad5ybXTWv42D2k9B4tbKDd1pCjPFVy6aHVW1Pp955+Dl4JBANEshvIFNtpDBj/gZzDTnqizR6zSB3HZH03LO3TraleWea2gFM6zmAbuu3fjmK1Cb6\
        qRTpx+FrDoEXXze4ca008znOgQrJ54JqhWLxEUkG+cK/WDQu92ELK81leHwkDSAMIfXm7kFZapnsSwdIV69ybxq5BwlVpUbLHyXGlJTMT6Z9ADxlOoKa10GyHt10JZ5A\
        EZ134tdVitv2mOjbhXuxiibKDjRtH8Vhnn0+Vdt8R9yP87Qu2/bb9v34C3H6P/2f/k//p//T/+n/9H/6P/2f/k//p//T/+n/9H/6P/2f/v9v/v8DsfcvYXAXAAA=
        """
        let gzip = [UInt8](Data(base64Encoded: base64)!)
        let expected = (0..<6000).map { UInt8((($0 * $0) >> 5 ^ $0 >> 3) & 0x3F) }
        XCTAssertEqual(try Gzip.decompress(gzip, limit: 6000), expected)
        XCTAssertEqual(try Gzip.decompress(gzip, limit: 16, prefixOnly: true), Array(expected.prefix(16)))
        XCTAssertThrowsError(try Gzip.decompress(gzip, limit: 5999)) { XCTAssertEqual(($0 as? InflateError)?.message, "the data is longer than the 5999 bytes expected") }
        XCTAssertThrowsError(try Gzip.decompress(Array(gzip.prefix(400)), limit: 6000)) {
            XCTAssertEqual($0 as? InflateError, InflateError(offset: 400, message: "the compressed data ends early"))
        }
    }

    func testFixedHuffmanBlockMadeByZlib() throws {
        // Python: gzip.compress(b"nnx nnx nnx nnx!", 9, mtime=0): literals and one match, in the fixed code.
        let gzip: [UInt8] = [31, 139, 8, 0, 0, 0, 0, 0, 2, 3, 203, 203, 171, 80, 200, 67, 96, 69, 0, 173, 110, 180, 158, 16, 0, 0, 0]
        XCTAssertEqual(String(decoding: try Gzip.decompress(gzip, limit: 100), as: UTF8.self), "nnx nnx nnx nnx!")
        var corrupt = gzip
        corrupt[20] ^= 0xFF   // the CRC-32
        XCTAssertThrowsError(try Gzip.decompress(corrupt, limit: 100)) {
            XCTAssertEqual($0 as? InflateError, InflateError(offset: 19, message: "the CRC-32 of the data does not match the trailer's: the file is corrupt"))
        }
    }

    func testStoredBlocksAndTheGzipFrame() throws {
        let data = (0..<70_000).map { UInt8($0 % 256) }
        XCTAssertEqual(try Gzip.decompress(storedGzip(data), limit: 70_000), data)
        XCTAssertThrowsError(try Gzip.decompress(storedGzip(data, length: 5), limit: 70_000)) {
            XCTAssertEqual(($0 as? InflateError)?.message, "the data is 70000 bytes but the trailer says 5")
        }
        XCTAssertThrowsError(try Gzip.decompress(storedGzip([1, 2]) + [0], limit: 10)) {
            XCTAssertEqual($0 as? InflateError, InflateError(offset: 25, message: "1 byte that is not gzip data follows the gzip data"))
        }
        // Members one after another (`cat a.gz b.gz`) give their data one after another, within one limit.
        let two = storedGzip([1, 2]) + storedGzip([3, 4, 5])
        XCTAssertEqual(try Gzip.decompress(two, limit: 5), [1, 2, 3, 4, 5])
        XCTAssertEqual(try Gzip.decompress(two, limit: 3, prefixOnly: true), [1, 2, 3])
        XCTAssertThrowsError(try Gzip.decompress(two, limit: 4))
        XCTAssertThrowsError(try Gzip.decompress(two.dropLast(3), limit: 10)) {
            XCTAssertEqual($0 as? InflateError, InflateError(offset: 48, message: "the file ends before the gzip trailer (CRC-32 and length)"))
        }
        XCTAssertThrowsError(try Gzip.decompress([0x1F, 0x8B, 9] + Array(repeating: 0, count: 20), limit: 10)) {
            XCTAssertEqual($0 as? InflateError, InflateError(offset: 2, message: "compression method 9 is not DEFLATE (8)"))
        }
        XCTAssertThrowsError(try Gzip.decompress([0x1F, 0x8B, 8, 0, 0], limit: 10)) {
            XCTAssertEqual($0 as? InflateError, InflateError(offset: 5, message: "the file ends inside the gzip header"))
        }
        var badLength = storedGzip([1, 2, 3])
        badLength[13] ^= 1   // NLEN no longer the complement of LEN
        XCTAssertThrowsError(try Gzip.decompress(badLength, limit: 10)) {
            XCTAssertEqual(($0 as? InflateError)?.message, "a stored block whose length and its complement disagree")
        }
    }

    /// A bomb: a few hundred bytes that would inflate to a gigabyte stop at the limit.
    func testTheLimitStopsABomb() {
        // One fixed-code block: a literal 0 then length-258 distance-1 matches, repeated.
        var bits: [Bool] = [true, true, false]   // BFINAL 1, BTYPE 01
        func code(_ value: Int, _ length: Int) { for b in (0..<length).reversed() { bits.append(value >> b & 1 == 1) } }
        code(0b0011_0000, 8)                      // literal 0
        for _ in 0..<4000 { code(0b1100_0101, 8); code(0, 5) }   // length 258 (symbol 285), distance 1
        code(0, 7)                                // end of block
        var bytes: [UInt8] = Array(repeating: 0, count: (bits.count + 7) / 8)
        for (n, bit) in bits.enumerated() where bit { bytes[n / 8] |= 1 << UInt8(n % 8) }
        XCTAssertEqual(try Inflate.decompress(bytes, limit: 2_000_000).output.count, 1 + 4000 * 258)
        XCTAssertThrowsError(try Inflate.decompress(bytes, limit: 100_000)) {
            XCTAssertEqual(($0 as? InflateError)?.message, "the data is longer than the 100000 bytes expected")
        }
    }
}

final class IDXTests: XCTestCase {
    func testPlainAndGzipFilesRoundTripEveryPixel() throws {
        let images = idxImages(3, 4, 5), labels = idxLabels([7, 0, 9])
        for (i, l) in [(images, labels), (storedGzip(images), storedGzip(labels))] {
            let set = try IDX.imageSet(images: i, imagesFile: "img", labels: l, labelsFile: "lab", maxBytes: 1000)
            XCTAssertEqual(set.shape, [1, 4, 5])
            XCTAssertEqual(set.labels, [7, 0, 9])
            XCTAssertEqual(set.pixels, (0..<60).map { UInt8($0) })
            let tensors = set.labeledImages
            XCTAssertEqual(tensors[2].image.values.map { Int(($0 * 255).rounded()) }, Array(40..<60))
            XCTAssertEqual(tensors[1].image[0, 3, 4], 39.0 / 255)
            XCTAssertEqual(tensors.map(\.label), [7, 0, 9])
        }
    }

    /// Thousands of images are made on every core, in their order.
    func testManyImagesKeepTheirOrder() {
        let count = 4_321
        let set = ByteImages(channels: 1, height: 2, width: 1, pixels: (0..<(2 * count)).map { UInt8($0 % 251) },
                             labels: (0..<count).map { UInt8($0 % 10) })
        let tensors = set.labeledImages
        XCTAssertEqual(tensors.count, count)
        for n in [0, 1_080, 1_081, 2_160, 2_161, 4_320] {
            XCTAssertEqual(tensors[n].label, n % 10)
            XCTAssertEqual(tensors[n].image.values, [Double(2 * n % 251) / 255, Double((2 * n + 1) % 251) / 255])
        }
    }

    func testLyingAndBrokenFilesAreNamedWithTheByte() {
        func imagesError(_ bytes: [UInt8], maxBytes: Int = 1000) -> String? {
            do { _ = try IDX.images(bytes, file: "train-images-idx3-ubyte", maxBytes: maxBytes); return nil } catch { return error.description }
        }
        XCTAssertEqual(imagesError(idxImages(2, 3, 3, magic: 0x801)),
                       "train-images-idx3-ubyte at byte 0: the magic number is 0x00000801 (that of a label file), not 0x00000803 (images: unsigned bytes, 3 dimensions)")
        XCTAssertEqual(imagesError(idxImages(2, 3, 3, magic: 0x0D03)),
                       "train-images-idx3-ubyte at byte 0: the magic number is 0x00000d03, not 0x00000803 (images: unsigned bytes, 3 dimensions)")
        XCTAssertEqual(imagesError(Array(idxImages(2, 3, 3).prefix(10))), "train-images-idx3-ubyte at byte 10: the file ends inside its 16-byte header")
        XCTAssertEqual(imagesError(Array(idxImages(2, 3, 3).dropLast())),
                       "train-images-idx3-ubyte at byte 33: the file ends, but its header declares 2 images of 3×3 pixels (34 bytes)")
        XCTAssertEqual(imagesError(bigEndian([0x803, 60_000, 3, 3]) + Array(repeating: 0, count: 18), maxBytes: 10_000_000),
                       "train-images-idx3-ubyte at byte 34: the file ends, but its header declares 60000 images of 3×3 pixels (540016 bytes)")
        XCTAssertEqual(imagesError(idxImages(2, 3, 3) + [0, 0]), "train-images-idx3-ubyte at byte 34: 2 bytes follow the 2 images of 3×3 pixels its header declares")
        XCTAssertEqual(imagesError(idxImages(2, 3, 65)), "train-images-idx3-ubyte at byte 8: images of 3×65 pixels: nnx takes 1 to 64 rows and columns")
        XCTAssertEqual(imagesError(idxImages(0, 3, 3)), "train-images-idx3-ubyte at byte 4: the header declares no images")
        XCTAssertEqual(imagesError(bigEndian([0x803, 4_000_000_000, 28, 28])),
                       "train-images-idx3-ubyte at byte 4: the header declares 4000000000 images of 28×28 pixels: more than the 1000 bytes nnx holds in memory"
                       + " (of EMNIST's splits, balanced, letters and mnist fit; digits, byclass and bymerge do not)")
        // Compressed: the lie is found in the decompressed data, which never grows past the declared size.
        XCTAssertEqual(imagesError(storedGzip(Array(idxImages(2, 3, 3).dropLast()))),
                       "train-images-idx3-ubyte at byte 33: the decompressed data ends, but its header declares 2 images of 3×3 pixels (34 bytes)")
        XCTAssertEqual(imagesError(storedGzip(idxImages(2, 3, 3) + Array(repeating: 0, count: 100_000))),
                       "train-images-idx3-ubyte: the decompressed data is longer than the 34 bytes of the 2 images of 3×3 pixels its header declares")
        XCTAssertEqual(imagesError(Array(storedGzip(idxImages(2, 3, 3)).dropLast(3))),
                       "train-images-idx3-ubyte at byte 54: corrupt gzip data: the file ends before the gzip trailer (CRC-32 and length)")
        XCTAssertEqual(imagesError(storedGzip(idxImages(2, 3, 3), crc: 1)),
                       "train-images-idx3-ubyte at byte 49: corrupt gzip data: the CRC-32 of the data does not match the trailer's: the file is corrupt")
    }

    func testLabelsMustMatchTheImagesAndBeClasses() {
        func setError(_ labels: [UInt8]) -> String? {
            do {
                _ = try IDX.imageSet(images: idxImages(3, 2, 2), imagesFile: "img", labels: labels, labelsFile: "lab", maxBytes: 1000)
                return nil
            } catch { return error.description }
        }
        XCTAssertEqual(setError(idxLabels([1, 2])), "lab: 2 labels for the 3 images of img")
        XCTAssertEqual(setError(idxLabels([1, 2, 62])), "lab at byte 10: label 62 of image 2 is not a class (0 to 61)")
        XCTAssertEqual(setError(idxLabels([1, 2], count: 3)), "lab at byte 10: the file ends, but its header declares 3 labels (11 bytes)")
        XCTAssertEqual(setError(idxImages(3, 2, 2)),
                       "lab at byte 0: the magic number is 0x00000803 (that of an image file), not 0x00000801 (labels: unsigned bytes, 1 dimension)")
    }
}

final class CIFAR10Tests: XCTestCase {
    /// `count` records, record n labelled n % 10 with pixel byte i of its 3,072 being (n + i) % 256.
    static func batch(_ count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        for n in 0..<count {
            bytes.append(UInt8(n % 10))
            for i in 0..<3072 { bytes.append(UInt8((n + i) % 256)) }
        }
        return bytes
    }

    func testRecordsRoundTripAsThreePlanes() throws {
        let images = try CIFAR10.batch(Self.batch(3), file: "data_batch_1.bin")
        XCTAssertEqual(images.shape, [3, 32, 32])
        XCTAssertEqual(images.labels, [0, 1, 2])
        let second = images.labeledImages[1].image
        XCTAssertEqual(second[0, 0, 0], 1.0 / 255)            // red, first pixel
        XCTAssertEqual(second[1, 0, 0], Double((1 + 1024) % 256) / 255)   // green plane starts at byte 1,024
        XCTAssertEqual(second[2, 31, 31], Double((1 + 3071) % 256) / 255)
        XCTAssertEqual(CIFAR10.joined([images, images]).count, 6)
    }

    func testBrokenBatchesAndNames() {
        func error(_ bytes: [UInt8]) -> String? {
            do { _ = try CIFAR10.batch(bytes, file: "test_batch.bin"); return nil } catch { return error.description }
        }
        XCTAssertEqual(error(Array(Self.batch(2).dropLast(5))),
                       "test_batch.bin at byte 3073: the file ends inside a record: 6141 bytes are not whole records of 3073 (a label byte and 3×32×32 pixels)")
        var badLabel = Self.batch(2)
        badLabel[3073] = 10
        XCTAssertEqual(error(badLabel), "test_batch.bin at byte 3073: record 1 has label 10; CIFAR-10's classes are 0 to 9")
        XCTAssertEqual(error([]), "test_batch.bin: the file is empty")
        XCTAssertEqual(try CIFAR10.classNames("airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n\n", file: "m"),
                       ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"])
        XCTAssertThrowsError(try CIFAR10.classNames("cat\ndog\n", file: "batches.meta.txt")) {
            XCTAssertEqual(($0 as? DataFileError)?.description, "batches.meta.txt: 2 class names; CIFAR-10 has 10, one a line")
        }
    }
}

final class PictureFileTests: XCTestCase {
    func testTheFourNetpbmForms() throws {
        let p5 = Array("P5 # binary grey\n2 1\n255\n".utf8) + [0, 255]
        XCTAssertEqual(try ImageFiles.parsePicture(p5).nested, [[[0, 1]]])
        let p6 = Array("P6\n2 1 65535\n".utf8) + [0xFF, 0xFF, 0x80, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 2]
        XCTAssertEqual(try ImageFiles.parsePicture(p6).nested, [[[1, 0]], [[32768.0 / 65535, 0]], [[1.0 / 65535, 2.0 / 65535]]])
        let p3 = Array("P3\n# colour as text\n2 1 10\n10 0 5  0 0 10\n".utf8)
        XCTAssertEqual(try ImageFiles.parsePicture(p3).nested, [[[1, 0]], [[0, 0]], [[0.5, 1]]])
    }

    func testBrokenPictures() {
        func error(_ text: String, _ tail: [UInt8] = []) -> ImageFileError? {
            do { _ = try ImageFiles.parsePicture(Array(text.utf8) + tail); return nil } catch { return error }
        }
        XCTAssertEqual(error("P4\n1 1\n"), ImageFileError(line: 1, message: "a picture must be a PGM or PPM file starting with P2, P5 (grey) or P3, P6 (colour)"))
        XCTAssertEqual(error("P6\n2 1 255\n", [1, 2, 3, 4]), ImageFileError(line: 2, message: "the file ends at byte 15, before value 5 of 6 (red, green, blue a pixel) (binary, 1 byte a value)"))
        XCTAssertEqual(error("P5\n1 1 255\n", [1, 2]), ImageFileError(line: 2, message: "1 bytes follow the 1×1 pixels"))
        XCTAssertEqual(error("P5\n1 1 300\n", [2, 0]), ImageFileError(line: 2, message: "pixel 1 of 1 at byte 11 is 512, more than the largest value 300"))
        XCTAssertEqual(error("P3\n1 1 9\n1 2\n"), ImageFileError(line: 3, message: "the file ends before its value 3 of 3 (red, green, blue a pixel)"))
        XCTAssertEqual(error("P2\n0 1 9\n"), ImageFileError(line: 2, message: "width must be an integer from 1 to 16384, found 0"))
        XCTAssertEqual(error("P2\n8000 8000 9\n"), ImageFileError(line: 2, message: "a 8000×8000 picture is more than the 33554432 pixels nnx reads"))
    }

    func testAPictureOfTheRightSizeIsUnchanged() {
        let picture = Tensor(channels: 3, height: 2, width: 3, values: (0..<18).map { Double($0) / 17 })
        XCTAssertEqual(picture.fitted(channels: 3, height: 2, width: 3), picture)
    }

    func testAreaAveragingAndGrey() {
        // 4×4 to 2×2: each new pixel is the mean of a 2×2 block.
        let picture = Tensor(channels: 1, height: 4, width: 4, values: (0..<16).map(Double.init))
        XCTAssertEqual(picture.fitted(channels: 1, height: 2, width: 2).nested, [[[2.5, 4.5], [10.5, 12.5]]])
        // 3 to 2 columns: the middle column is shared half and half.
        let row = Tensor(channels: 1, height: 1, width: 3, values: [0, 3, 6])
        XCTAssertEqual(row.fitted(channels: 1, height: 1, width: 2).nested, [[[1, 5]]])
        let colour = Tensor(channels: 3, height: 1, width: 1, values: [1, 0.5, 0])
        XCTAssertEqual(colour.fitted(channels: 1, height: 1, width: 1).values, [0.299 + 0.587 * 0.5])
        XCTAssertEqual(Tensor(channels: 1, height: 1, width: 1, values: [0.25]).fitted(channels: 3, height: 1, width: 1).values, [0.25, 0.25, 0.25])
    }

    func testLetterboxBarsTakeTheBackground() {
        // A 2×4 picture (white border, one dark pixel) in a 4×4 input: rows 1 and 2, bars of the border's mean.
        var values = Array(repeating: 1.0, count: 8)
        values[5] = 0
        let picture = Tensor(channels: 1, height: 2, width: 4, values: values)
        let fitted = picture.fitted(channels: 1, height: 4, width: 4)
        let border = 7.0 / 8
        XCTAssertEqual(fitted.nested, [[[border, border, border, border], [1, 1, 1, 1], [1, 0, 1, 1], [border, border, border, border]]])
    }
}
