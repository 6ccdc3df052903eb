import NNRender
import XCTest
@testable import NNTerminal

final class ColorDowngradeTests: XCTestCase {
    func testPaletteRGB() {
        XCTAssertEqual(RGB.palette(0), RGB(0, 0, 0))
        XCTAssertEqual(RGB.palette(1), RGB(205, 0, 0))
        XCTAssertEqual(RGB.palette(15), RGB(255, 255, 255))
        XCTAssertEqual(RGB.palette(16), RGB(0, 0, 0))
        XCTAssertEqual(RGB.palette(33), RGB(0, 135, 255))
        XCTAssertEqual(RGB.palette(208), RGB(255, 135, 0))
        XCTAssertEqual(RGB.palette(231), RGB(255, 255, 255))
        XCTAssertEqual(RGB.palette(232), RGB(8, 8, 8))
        XCTAssertEqual(RGB.palette(255), RGB(238, 238, 238))
    }

    func testPureCubeColoursGoToTheirBasicColour() {
        let expected: [UInt8: Int32] = [196: 1, 46: 2, 226: 3, 21: 4, 201: 5, 51: 6, 16: 0, 231: 7, 124: 1, 28: 2, 18: 4]
        for (index, basic) in expected {
            XCTAssertEqual(ColorDowngrade.colorNumber(index, colors: 8), basic, "index \(index)")
        }
    }

    func testBrightBasicsGoToTheirNormalForms() {
        for index: UInt8 in 9...14 {
            XCTAssertEqual(ColorDowngrade.colorNumber(index, colors: 8), Int32(index) - 8, "index \(index)")
        }
        XCTAssertEqual(ColorDowngrade.colorNumber(15, colors: 8), 7)
        XCTAssertEqual(ColorDowngrade.colorNumber(8, colors: 8), 7, "dark grey stays visible on a dark background")
    }

    func testGreysGoToBlackOrWhiteByLightness() {
        XCTAssertEqual(ColorDowngrade.colorNumber(232, colors: 8), 0)
        XCTAssertEqual(ColorDowngrade.colorNumber(236, colors: 8), 0)
        XCTAssertEqual(ColorDowngrade.colorNumber(237, colors: 8), 0)
        XCTAssertEqual(ColorDowngrade.colorNumber(240, colors: 8), 7)
        XCTAssertEqual(ColorDowngrade.colorNumber(244, colors: 8), 7)
        XCTAssertEqual(ColorDowngrade.colorNumber(255, colors: 8), 7)
        XCTAssertEqual(ColorDowngrade.colorNumber(59, colors: 8), 7, "cube grey (95, 95, 95)")
        XCTAssertEqual(ColorDowngrade.colorNumber(188, colors: 8), 7, "cube grey (215, 215, 215)")
    }

    /// The standard theme's roles keep their meaning on an 8-colour terminal: pastels keep their hue instead of
    /// all turning white (as plain RGB distance to xterm's basic white would make them).
    func testStandardThemeColoursKeepTheirHue() {
        XCTAssertEqual(ColorDowngrade.colorNumber(114, colors: 8), 2, "good: light green")
        XCTAssertEqual(ColorDowngrade.colorNumber(203, colors: 8), 1, "bad: light red")
        XCTAssertEqual(ColorDowngrade.colorNumber(221, colors: 8), 3, "warning: gold")
        XCTAssertEqual(ColorDowngrade.colorNumber(117, colors: 8), 6, "panel title: light blue")
        XCTAssertEqual(ColorDowngrade.colorNumber(229, colors: 8), 3, "emphasis: light yellow")
        XCTAssertEqual(ColorDowngrade.colorNumber(33, colors: 8), 6, "class A: blue (0, 135, 255)")
        XCTAssertEqual(ColorDowngrade.colorNumber(208, colors: 8), 3, "class B: orange (255, 135, 0)")
        XCTAssertNotEqual(ColorDowngrade.colorNumber(33, colors: 8), ColorDowngrade.colorNumber(208, colors: 8))
    }

    func testIndicesTheTerminalHasAreKept() {
        for index in 0...255 {
            XCTAssertEqual(ColorDowngrade.colorNumber(UInt8(index), colors: 256), Int32(index))
        }
        for index: UInt8 in 0..<8 {
            XCTAssertEqual(ColorDowngrade.colorNumber(index, colors: 8), Int32(index))
        }
        XCTAssertEqual(ColorDowngrade.colorNumber(12, colors: 16), 12)
        XCTAssertEqual(ColorDowngrade.colorNumber(87, colors: 88), 87)
    }

    func testNeverAnIndexTheTerminalLacks() {
        for colors in [8, 16, 88] {
            for index in 0...255 {
                let number = ColorDowngrade.colorNumber(UInt8(index), colors: colors)
                XCTAssertTrue(number >= 0 && number < colors, "index \(index) with \(colors) colours gave \(number)")
            }
        }
    }

    func testWithoutEightColoursTheDefaultIsUsed() {
        XCTAssertEqual(ColorDowngrade.colorNumber(3, colors: 0), -1)
        XCTAssertEqual(ColorDowngrade.colorNumber(200, colors: 0), -1)
        XCTAssertEqual(ColorDowngrade.colorNumber(1, colors: 2), 1)
        XCTAssertEqual(ColorDowngrade.colorNumber(5, colors: 2), -1)
    }

    func testEveryThemeResolvesToValidColoursOnEightColours() {
        for theme in Theme.Kind.allCases.map(Theme.init) {
            for role in ColorRole.allCases {
                let resolved = theme.resolve(Style(role, background: role))
                for color in [resolved.foreground, resolved.background] {
                    if case .indexed(let index) = color {
                        XCTAssertTrue((0..<8).contains(ColorDowngrade.colorNumber(index, colors: 8)), "\(theme.name) \(role)")
                    }
                }
            }
        }
    }
}

final class PictureColourNumberTests: XCTestCase {
    /// ncurses under xterm-256color has no 24-bit colour: a picture's pixel gets the nearest of the 256, the
    /// nearest basic colour with 8, the default without colour.
    func testPictureColours() {
        XCTAssertEqual(ColorDowngrade.colorNumber(RGB(200, 100, 50), colors: 256), 167)
        XCTAssertEqual(ColorDowngrade.colorNumber(RGB(200, 100, 50), colors: 8), 1)
        XCTAssertEqual(ColorDowngrade.colorNumber(RGB(20, 20, 200), colors: 8), 4)
        XCTAssertEqual(ColorDowngrade.colorNumber(RGB(200, 100, 50), colors: 0), -1)
    }
}
