@testable import NNCore
import XCTest

final class CSVRowsTests: XCTestCase {
    /// Lines end at \n, \r\n or \r only: a vertical tab, a form feed, U+0085 or U+2028 stays inside its row, so
    /// the row is reported whole and later rows keep their editor line numbers.
    func testOnlyNewlinesEndARow() throws {
        for odd in ["\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"] {
            XCTAssertThrowsError(try Dataset.parseCSV("0,0,0\n1,2\(odd)3,1\n1,1,1\n", name: "d")) {
                XCTAssertEqual(($0 as? CSVError)?.line, 2)
                XCTAssertEqual(($0 as? CSVError)?.message, "x2 is not a number: \"2\(odd)3\"")
            }
            XCTAssertThrowsError(try Dataset.parseCSV("0,0,0\n\(odd)\n1,1,7\n", name: "d")) {
                XCTAssertEqual(($0 as? CSVError)?.line, 2, "a row of only \(odd.unicodeScalars.first!.value) is not blank")
            }
        }
        let mixed = try Dataset.parseCSV("x1,x2,class\r\n0,0,0\r1,1,1\n\n# note\r\n2,2,0", name: "d")
        XCTAssertEqual(mixed.samples, [Sample(0, 0, label: 0), Sample(1, 1, label: 1), Sample(2, 2, label: 0)])
        XCTAssertThrowsError(try Dataset.parseCSV("0,0,0\r\n1,1,0\r\n2,2,9\r\n", name: "d")) {
            XCTAssertEqual(($0 as? CSVError)?.line, 3)
        }
        XCTAssertThrowsError(try ImageFiles.parseCSV("0,0,0,0,1\r0,0,0,0,1\r0,0,x,0,1\r")) {
            XCTAssertEqual($0 as? ImageFileError, ImageFileError(line: 3, message: "pixel 3 is not a number: \"x\""))
        }
    }

    /// Decimal numbers are read without a string each, to the bits `Double(text)` gives; what is not a plain
    /// decimal is refused.
    func testDecimalsAreTheStandardLibrarysValues() {
        func parsed(_ text: String) -> Double? {
            var text = text
            return text.withUTF8 { parseDecimal($0[...]) }
        }
        var rng = SplitMix64(seed: 7)
        let fixed = ["0", "-0", "+1", "1.", ".5", "0.1", "0.3", "255", "1e5", "1E-5", "-2.5e+3", "123456789012345", "1234567890123456789",
                     "0.000000000000000000000001", "9007199254740993", "1e22", "1e23", "4.9e-324", "1e400", "-1e-400",
                     "0.1000000000000000055511151231257827", "00012.5000", "3.14159265358979323846"]
        var samples = fixed
        for _ in 0..<20_000 {
            let mantissa = String(rng.next() % 10_000_000_000_000_000)
            let point = Int(rng.next() % UInt64(mantissa.count + 1))
            let exponent = Int(rng.next() % 61) - 30
            let text = String(mantissa.prefix(point)) + "." + String(mantissa.dropFirst(point)) + (rng.next() % 2 == 0 ? "" : "e\(exponent)")
            samples.append(rng.next() % 2 == 0 ? text : "-" + text)
        }
        for text in samples {
            XCTAssertEqual(parsed(text).map(\.bitPattern), Double(text).map(\.bitPattern), text)
        }
        for bad in ["", ".", "-", "e5", "1e", "1e+", "1.2.3", "+-1", "0x10", "nan", "inf", "1 2", "1,5", "١"] {
            XCTAssertNil(parsed(bad), bad)
        }
    }
}
