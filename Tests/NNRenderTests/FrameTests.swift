import XCTest
@testable import NNRender

final class FrameTests: XCTestCase {
    func testPutClipsToFrameAndArea() {
        var frame = Frame(width: 6, height: 2)
        frame.put("abcdefgh", column: 2, row: 0)
        frame.put("xyz", column: -1, row: 1, clip: Rect(x: 0, y: 0, width: 2, height: 2))
        XCTAssertEqual(frame.textDump, "\"  abcd\"\n\"yz    \"\n")
        XCTAssertEqual(frame.plainText, "  abcd\nyz\n")
    }

    func testNumberFormat() {
        XCTAssertEqual(formatNumber(-3), "−3")
        XCTAssertEqual(formatNumber(-3, glyphs: .ascii), "-3")
        XCTAssertEqual(formatNumber(0.4472135955), "0.447")
        XCTAssertEqual(formatNumber(-0.0001), "0")
        XCTAssertEqual(formatNumber(2.5), "2.5")
        XCTAssertEqual(formatVector([-1, 2, 0.5]), "(−1, 2, 0.5)")
    }

    func testNiceTicks() {
        XCTAssertEqual(niceTicks(-0.5...1.5, target: 4), [-0.5, 0, 0.5, 1, 1.5])
        XCTAssertEqual(niceTicks(0...10, target: 2), [0, 5, 10])
        XCTAssertEqual(niceTicks(-0.27...1.27, target: 3), [0, 1])
        XCTAssertEqual(niceTicks(-0.27...1.27, target: 4), [0, 0.5, 1])
    }

    /// Ranges too narrow for their magnitude, or not finite, give no ticks (this once looped for ever).
    func testNiceTicksOnDegenerateRanges() {
        XCTAssertEqual(niceTicks(1e17...(1e17 + 16), target: 4), [])
        XCTAssertEqual(niceTicks(0...Double.infinity, target: 4), [])
        XCTAssertEqual(niceTicks(1...1, target: 4), [])
    }

    func testPaddedRangeStaysFinite() {
        XCTAssertEqual(PlotMapping.paddedRange(.infinity, .infinity), -1...1)
        XCTAssertEqual(PlotMapping.paddedRange(2, 2), 0.6...3.4)
        let huge = PlotMapping.paddedRange(-1e308, 1e308)
        XCTAssertTrue(huge.lowerBound.isFinite && huge.upperBound.isFinite)
    }

    func testNumberFormatExtremes() {
        XCTAssertEqual(formatNumber(1e306), "1e+306")
        XCTAssertEqual(formatNumber(-.infinity), "−∞")
        XCTAssertEqual(formatNumber(-.infinity, glyphs: .ascii), "-inf")
    }

    func testSizeParsing() {
        XCTAssertEqual(Size(parsing: "100x30"), Size(width: 100, height: 30))
        XCTAssertNil(Size(parsing: "100x30x"))
        XCTAssertNil(Size(parsing: "+100x+30"))
        XCTAssertNil(Size(parsing: "0x5"))
    }

    func testPlotMappingRoundTrip() {
        let map = PlotMapping(area: Rect(x: 10, y: 2, width: 20, height: 10), xRange: 0...2, yRange: 0...1)
        XCTAssertEqual(map.cell(x: 0, y: 1)?.column, 10)
        XCTAssertEqual(map.cell(x: 0, y: 1)?.row, 2)
        XCTAssertEqual(map.cell(x: 2, y: 0)?.column, 29)
        XCTAssertEqual(map.cell(x: 2, y: 0)?.row, 11)
        XCTAssertNil(map.cell(x: 2.1, y: 0))
        let p = map.point(column: 15, row: 4)
        XCTAssertEqual(p.x, 0.55, accuracy: 1e-12)
        XCTAssertEqual(p.y, 0.75, accuracy: 1e-12)
        XCTAssertEqual(map.cell(x: p.x, y: p.y)?.column, 15)
    }

    func testThemesResolveRoles() {
        XCTAssertEqual(Theme.standard.resolve(Style(.classA)).foreground, .indexed(33))
        XCTAssertEqual(Theme.monochrome.resolve(Style(.classB)), ResolvedStyle(foreground: .terminalDefault, background: .terminalDefault, attributes: [.bold]))
        XCTAssertEqual(Theme.standard.resolve(Style(.hintKey)).background, .indexed(117))
        XCTAssertFalse(Theme.eightColor.shadesWithBackground)
        XCTAssertTrue(Theme.standard.shadesWithBackground)
        XCTAssertTrue(Theme.monochrome.resolve(Style(.selection)).attributes.contains(.reverse))
    }

    func testAnsiAndStyleDumps() {
        var frame = Frame(width: 3, height: 1)
        frame.put("ab", column: 0, row: 0, style: Style(.classA))
        XCTAssertEqual(frame.ansiText(theme: .standard), "\u{1B}[0;1;38;5;33mab\u{1B}[0m \u{1B}[0m\n")
        XCTAssertEqual(frame.styleDump(theme: .standard), "theme: standard\nA fg=33 bg=default bold\n\"AA.\"\n")
        XCTAssertEqual(frame.roleDump(), "roles\nA classA\n\"AA.\"\n")
    }
}

final class TickFormatTests: XCTestCase {
    func testTicksStayShort() {
        XCTAssertEqual(formatTick(1_000_000), "1e6")
        XCTAssertEqual(formatTick(-2_500_000), "−2.5e6")
        XCTAssertEqual(formatTick(2e-10), "2e−10")
        XCTAssertEqual(formatTick(0.25), "0.25")
        XCTAssertEqual(formatTick(0), "0")
    }
}
