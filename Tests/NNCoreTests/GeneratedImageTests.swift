import XCTest
@testable import NNCore

/// The built-in 32×32 sets: exact pixels of small drawings, class balance, determinism by seed.
final class GeneratedImageTests: XCTestCase {
    private func bitmap(_ pixels: [Double], side: Int) -> [String] {
        (0..<side).map { y in String((0..<side).map { pixels[y * side + $0] == 1 ? "1" : "0" }) }
    }

    func testADigitDrawnUpright() {
        let one = GlyphImages.drawLargeDigit(1, placement: .init(left: 1, top: 0, cellWidth: 1, cellHeight: 1, bold: 0, slant: 0), side: 8)
        XCTAssertEqual(bitmap(one, side: 8), ["00010000", "00110000", "00010000", "00010000", "00010000", "00010000", "00111000", "00000000"])
    }

    /// Slant 1 shifts row y by round(1 × (3.5 − y − 0.5)) = 3 − y pixels: right above the middle, left below,
    /// clipped at the frame's edge.
    func testASlantedBoldDigit() {
        let slanted = GlyphImages.drawLargeDigit(1, placement: .init(left: 0, top: 0, cellWidth: 1, cellHeight: 1, bold: 0, slant: 1), side: 8)
        XCTAssertEqual(bitmap(slanted, side: 8), ["00000100", "00011000", "00010000", "00100000", "01000000", "10000000", "10000000", "00000000"])
        // One pixel bolder: each font pixel is 2 wide.
        let bold = GlyphImages.drawLargeDigit(7, placement: .init(left: 0, top: 1, cellWidth: 1, cellHeight: 1, bold: 1, slant: 0), side: 8)
        XCTAssertEqual(bitmap(bold, side: 8)[1], "11111100")
        XCTAssertEqual(bitmap(bold, side: 8)[2], "00001100")
    }

    func testRandomDigitsFitTheFrame() {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<500 {
            let p = GlyphImages.randomPlacement(&rng)
            let shift = Int((abs(p.slant) * Double(7 * p.cellHeight) / 2).rounded(.up))
            XCTAssertGreaterThanOrEqual(p.left - shift, 0)
            XCTAssertLessThanOrEqual(p.left + 5 * p.cellWidth + p.bold + shift, 32)
            XCTAssertLessThanOrEqual(p.top + 7 * p.cellHeight, 32)
            XCTAssertTrue((3...4).contains(p.cellWidth) && (3...4).contains(p.cellHeight) && abs(p.slant) <= 0.35)
        }
    }

    func testLargeDigitsAreBalancedAndDeterministic() {
        let digits = GlyphImages.largeDigits(perClass: 3, seed: 7)
        XCTAssertEqual(digits.count, 30)
        XCTAssertEqual((0..<10).map { d in digits.filter { $0.label == d }.count }, Array(repeating: 3, count: 10))
        XCTAssertEqual(digits[0].image.shape, [1, 32, 32])
        XCTAssertTrue(digits.allSatisfy { $0.image.values.allSatisfy { (0...1).contains($0) } })
        XCTAssertEqual(digits, GlyphImages.largeDigits(perClass: 3, seed: 7))
        XCTAssertNotEqual(digits, GlyphImages.largeDigits(perClass: 3, seed: 8))
    }

    /// A disc of radius 1.5 at the centre of a 4×4 frame covers the four pixels whose centres are within
    /// 1.5 of it (0.5² + 0.5² ≤ 2.25; 1.5² + 0.5² is not).
    func testAColourDiscsPixels() {
        let drawing = ColourShapes.Drawing(shape: 0, centreX: 2, centreY: 2, radius: 1.5, colour: [0.9, 0.1, 0], background: [0, 0.2, 0.3])
        let image = ColourShapes.draw(drawing, side: 4)
        XCTAssertEqual(image.shape, [3, 4, 4])
        let inside: [Bool] = [false, false, false, false, false, true, true, false, false, true, true, false, false, false, false, false]
        for c in 0..<3 {
            XCTAssertEqual(Array(image.values[(16 * c)..<(16 * c + 16)]), inside.map { $0 ? drawing.colour[c] : drawing.background[c] }, "channel \(c)")
        }
    }

    func testColourShapesNeedShapeAndColour() {
        XCTAssertEqual(ColourShapes.classNames, ["red disc", "blue disc", "red ring", "blue ring", "red square", "blue square",
                                                 "red triangle", "blue triangle", "red cross", "blue cross"])
        let images = ColourShapes.images(perClass: 4, seed: 1)
        XCTAssertEqual((0..<10).map { k in images.filter { $0.label == k }.count }, Array(repeating: 4, count: 10))
        XCTAssertEqual(images, ColourShapes.images(perClass: 4, seed: 1))
        XCTAssertTrue(images.allSatisfy { $0.image.shape == [3, 32, 32] && $0.image.values.allSatisfy { (0...1).contains($0) } })
        // A red class's shape is redder than blue; a blue class's bluer than red.
        var rng = SplitMix64(seed: 2)
        for label in 0..<10 {
            let d = ColourShapes.randomDrawing(label, &rng)
            XCTAssertEqual(d.shape, label / 2)
            XCTAssertEqual(d.colour[0] > d.colour[2], label % 2 == 0, "\(label)")
        }
    }
}
