@testable import NNRender
import XCTest

final class NetworkDiagramTests: XCTestCase {
    /// Counts the braille dots drawn in `role` with (or without) bold.
    private func dots(_ frame: Frame, role: ColorRole, bold: Bool) -> Int {
        frame.cells.filter { $0.style.foreground == role && $0.style.attributes.contains(.bold) == bold }
            .compactMap { $0.character.unicodeScalars.first?.value }
            .filter { (0x2800...0x28FF).contains($0) }
            .reduce(0) { $0 + ($1 - 0x2800).nonzeroBitCount }
    }

    /// A 2-1 net: x1's weight is the largest (a heavy, double, bold line), x2's small and negative (faint).
    func testConnectionsAreHeavierForLargerWeights() {
        let diagram = NetworkDiagram(sizes: [2, 1], weights: [[0.1, 4, -0.3]])
        var frame = Frame(width: 40, height: 8)
        diagram.render(into: &frame, area: frame.bounds, glyphs: .unicode)
        let heavy = dots(frame, role: .positiveWeight, bold: true)
        let faint = dots(frame, role: .negativeWeight, bold: false)
        XCTAssertGreaterThan(faint, 0)
        XCTAssertGreaterThan(heavy, faint * 3 / 2, "a heavy line is drawn twice, one dot apart")
        XCTAssertEqual(dots(frame, role: .negativeWeight, bold: true), 0)
        XCTAssertTrue(frame.cells.contains { $0.style.foreground == .negativeWeight && $0.style.attributes.contains(.dim) })
    }

    /// A layer with more units than rows draws one row fewer and says how many more there are.
    func testABigLayerSaysHowManyUnitsItDoesNotDraw() {
        let sizes = [2, 50, 1]
        let weights = [Array(repeating: 0.1, count: 3 * 50), Array(repeating: 0.2, count: 51)]
        let diagram = NetworkDiagram(sizes: sizes, weights: weights)
        var frame = Frame(width: 40, height: 7)
        diagram.render(into: &frame, area: frame.bounds, glyphs: .unicode)
        XCTAssertEqual(diagram.drawnUnits(layer: 1, in: frame.bounds), 6)
        XCTAssertEqual(frame.cells.filter { $0.character == "●" }.count, 2 + 6 + 1, frame.plainText)
        XCTAssertTrue(frame.plainText.contains("+44"), frame.plainText)
        // A layer that fits is drawn whole, without a count.
        var small = Frame(width: 40, height: 7)
        NetworkDiagram(sizes: [2, 5, 1], weights: [Array(repeating: 0.1, count: 15), Array(repeating: 0.2, count: 6)])
            .render(into: &small, area: small.bounds, glyphs: .unicode)
        XCTAssertEqual(small.cells.filter { $0.character == "●" }.count, 8)
        XCTAssertFalse(small.plainText.contains("+"))
    }
}
