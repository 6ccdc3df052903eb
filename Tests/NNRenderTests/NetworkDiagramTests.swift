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

    /// The layer an update is at (step by step) is drawn reversed: exactly its units, no other.
    func testTheActiveLayerIsReversed() {
        var diagram = NetworkDiagram(sizes: [2, 3, 1], weights: [Array(repeating: 0.1, count: 9), Array(repeating: 0.2, count: 4)])
        diagram.activeLayer = 1
        var frame = Frame(width: 40, height: 8)
        diagram.render(into: &frame, area: frame.bounds, glyphs: .unicode)
        let nodes = frame.cells.filter { $0.character == "●" }
        XCTAssertEqual(nodes.count, 6)
        XCTAssertEqual(nodes.filter { $0.style.attributes.contains(.reverse) }.count, 3)
        diagram.activeLayer = nil
        var plain = Frame(width: 40, height: 8)
        diagram.render(into: &plain, area: plain.bounds, glyphs: .unicode)
        XCTAssertFalse(plain.cells.contains { $0.style.attributes.contains(.reverse) })
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

    private func render(_ diagram: NetworkDiagram, width: Int = 16, height: Int = 4, glyphs: Glyphs = .unicode) -> Frame {
        var frame = Frame(width: width, height: height)
        diagram.render(into: &frame, area: frame.bounds, glyphs: glyphs)
        return frame
    }

    /// A 2-1 net written out: inputs labelled, the output with its bias; x1's weight (the largest) heavy
    /// and positive, x2's faint and negative.
    func testSmallNetwork() {
        let diagram = NetworkDiagram(sizes: [2, 1], weights: [[0.5, 2, -0.4]])
        let frame = render(diagram)
        XCTAssertEqual(frame.rows, [
            "                ",
            "x1 ●⣤⣄⡀         ",
            "     ⠈⠙⠛⠶● 0.5  ",
            "x2 ●⠔⠊⠉         ",
        ])
        XCTAssertEqual(frame[3, 1].style, Style(.emphasis, attributes: [.bold]))
        XCTAssertEqual(frame[0, 1].style, Style(.label))
        XCTAssertEqual(frame[4, 1].style, Style(.positiveWeight, attributes: [.bold]))
        XCTAssertEqual(frame[4, 3].style, Style(.negativeWeight, attributes: [.dim]))
        XCTAssertEqual(frame[12, 2].style, Style(.positiveWeight))
        XCTAssertEqual(render(diagram, glyphs: .ascii).rows, [
            "                ",
            "x1 o---         ",
            "     ----o 0.5  ",
            "x2 o---         ",
        ])
        var selected = diagram
        selected.selected = (layer: 1, unit: 0)
        XCTAssertEqual(render(selected)[9, 2].style, Style(.visited, attributes: [.bold]))
    }

    /// A dropped unit is crossed out and its lines are gone; the others are drawn as without dropout.
    func testDroppedUnitsAreCrossedOutWithoutTheirLines() {
        let weights: [[Double]] = [[0.1, 0.2, 0.3, 1, 1, 1, 1, 1, 1], [0.5, 1, 1, 1]]
        var diagram = NetworkDiagram(sizes: [2, 3, 1], weights: weights)
        diagram.dropped = [1: [1]]
        let frame = render(diagram, width: 30, height: 6)
        XCTAssertEqual(frame.rows, [
            "                              ",
            "x1 ●⣤⣤⣤⣤⣤⣤⣤⣤⣤● 0.1            ",
            "     ⠙⢦⡀ ⣠⡴⠛⠁  ⠈⠙⠳⢦⣤⣀         ",
            "      ⣠⡽⢿⣅   ⊗ 0.2  ⠉⣛⣶● 0.5  ",
            "x2 ●⣴⣿⣅⣀⡀⠈⠳⣄    ⢀⣠⣤⠶⠛⠉        ",
            "      ⠈⠉⠙⠛⠛⠾⠷● 0.3            ",
        ])
        XCTAssertEqual(frame[13, 3].style, Style(.dim))
        XCTAssertEqual(frame[13, 1].style, Style(.emphasis, attributes: [.bold]))
        XCTAssertEqual(render(diagram, width: 30, height: 6, glyphs: .ascii).rows, [
            "                              ",
            "x1 o\\\\-------o 0.1            ",
            "     \\\\\\ ----  ------         ",
            "      ----   x 0.2  ---o 0.5  ",
            "x2 o-----\\\\\\    ------        ",
            "      -------o 0.3            ",
        ])
    }

    /// A hidden unit's bias stands apart from the edges that leave it: a blank cell either side, so it does
    /// not read as the weight of the line it sits on.
    func testHiddenBiasIsSetApartFromItsEdges() {
        let diagram = NetworkDiagram(sizes: [1, 1, 1], weights: [[0.3, 1], [0.2, 1]])
        var frame = Frame(width: 30, height: 2)
        diagram.render(into: &frame, area: frame.bounds, glyphs: .unicode)
        let row = frame.text(row: 1)
        let node = try! XCTUnwrap(row.dropFirst(4).firstIndex(of: "●"))
        XCTAssertTrue(row[node...].hasPrefix("● 0.3 "), row)
        XCTAssertEqual(frame[row.distance(from: row.startIndex, to: node) + 2, 1].style.foreground, .positiveWeight)
    }

    /// Below 12x2 nothing is drawn; at 12x2 every unit still has its row.
    func testAreasTooSmallDrawNothing() {
        let diagram = NetworkDiagram(sizes: [2, 1], weights: [[0.5, 2, -0.4]])
        for (width, height) in [(0, 0), (1, 1), (11, 4), (12, 1)] {
            XCTAssertEqual(render(diagram, width: width, height: height), Frame(width: width, height: height), "\(width)x\(height)")
        }
        XCTAssertEqual(render(diagram, width: 12, height: 2).rows, ["x1 ●⡄       ", "x2 ●⠹● 0.5  "])
    }

    /// NaN weights are left out of the largest |w|, so an infinite one is still heavy (a NaN first weight
    /// once made every line faint) and a NaN is drawn faint; a bias too long for its five columns is cut.
    func testExtremeWeights() {
        let diverged = render(NetworkDiagram(sizes: [2, 1], weights: [[.nan, .infinity, -.infinity]]))
        XCTAssertEqual(diverged.rows[2], "     ⠈⠙⣀⣤● NaN  ")
        XCTAssertGreaterThan(dots(diverged, role: .positiveWeight, bold: true), 0)
        XCTAssertGreaterThan(dots(diverged, role: .negativeWeight, bold: true), 0)
        XCTAssertEqual(diverged[11, 2].style, Style(.negativeWeight))
        let huge = render(NetworkDiagram(sizes: [2, 1], weights: [[1e300, 1e300, -1e300]]))
        XCTAssertEqual(huge.rows[2], "     ⠈⠙⣀⣤● 1e+3…")
        // All weights equal: each is the largest, so each is heavy.
        let equal = render(NetworkDiagram(sizes: [2, 1], weights: [[1, 1, 1]]))
        XCTAssertEqual(dots(equal, role: .positiveWeight, bold: false), 0)
        XCTAssertGreaterThan(dots(equal, role: .positiveWeight, bold: true), 0)
    }

    /// A single layer is its units, labelled, with nothing to join.
    func testSingleLayer() {
        XCTAssertEqual(render(NetworkDiagram(sizes: [2], weights: [])).rows, [
            "                ",
            "x1 ●            ",
            "                ",
            "x2 ●            ",
        ])
    }
}
