import NNCore
import NNRender
import NNScenario
import XCTest
@testable import NNExplorer

final class CNNColourTests: XCTestCase {
    func testSnapshots() throws {
        let colour = try builtin("lenet5-colour")
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            assertFrameSnapshots(AppState(size: size, scenario: colour), named: "\(size)")
        }
        assertFrameSnapshots(AppState(size: Size(width: 80, height: 24), scenario: colour, glyphs: .ascii), named: "ascii")
        // Without colour: the picture and the kernels as glyphs of their lightness.
        assertFrameSnapshots(AppState(size: Size(width: 80, height: 24), scenario: colour, theme: .monochrome), named: "mono-theme")
        var red = AppState(size: Size(width: 120, height: 40), scenario: colour)
        press(&red, "g")
        assertFrameSnapshots(red, named: "red-channel")
    }

    /// Every cell of the input is two of the image's pixels, each channel's value v as the byte round(255·v).
    func testTheInputsColoursAreItsValues() throws {
        let state = AppState(size: Size(width: 120, height: 40), scenario: try builtin("lenet5-colour"))
        let image = try XCTUnwrap(state.cnn).probeImage.image
        XCTAssertEqual(image.shape, [3, 32, 32])
        let frame = view(state)
        let top = try XCTUnwrap((0..<frame.height).first { frame.text(row: $0).hasPrefix("│input (class") }) + 1
        func pixel(_ row: Int, _ column: Int) -> RGB {
            let v = { (c: Int) in image.values[(c * 32 + row) * 32 + column] }
            return RGB(unitRed: v(0), green: v(1), blue: v(2))
        }
        for row in 0..<16 {
            for column in 0..<32 {
                XCTAssertEqual(frame[1 + column, top + row], Cell("▀", style: .picture(pixel(2 * row, column), on: pixel(2 * row + 1, column))))
            }
        }
        XCTAssertNil(frame[1 + 32, top].style.backgroundRGB, "the picture is 32 cells wide")
    }

    /// The step-by-step window (`k`) and the shift view (`t`) draw a colour input as a picture too, or the channel
    /// `g` picked in grey, named in the caption.
    func testTheWindowAndShiftViewsShowTheInputInColour() throws {
        for key in ["k", "t"] {
            var state = AppState(size: Size(width: 120, height: 40), scenario: try builtin("lenet5-colour"))
            press(&state, key)
            let image = try XCTUnwrap(state.cnn).probeImage.image
            let top = RGB(unitRed: image[0, 0, 0], green: image[1, 0, 0], blue: image[2, 0, 0])
            func pictureCells(_ frame: Frame) -> [Cell] {
                (0..<frame.height).flatMap { row in (0..<frame.width).map { frame[$0, row] } }.filter { $0.style.backgroundRGB != nil }
            }
            let frame = view(state)
            XCTAssertTrue(pictureCells(frame).contains { $0.style.foregroundRGB == top }, "\(key): the image's first pixel in its colour")
            assertFrameSnapshots(state, named: "\(key)-colour")
            press(&state, "g")
            let red = view(state)
            XCTAssertTrue(red.plainText.contains("input red"), red.plainText)
            XCTAssertEqual(pictureCells(red).filter { $0.style.foregroundRGB == top }, [], "\(key): the red channel in grey")
        }
    }

    /// Bytes read as b / 255 come back as b; a kernel's weight w is 0.5 + 0.5·w / limit of its channel.
    func testPictureValuesAreExact() {
        let bytes: [UInt8] = [0, 17, 128, 255, 3, 99, 200, 254, 1, 64, 127, 250]
        let tensor = Tensor(channels: 3, height: 2, width: 2, values: bytes.map { Double($0) / 255 })
        XCTAssertEqual(colourPicture(tensor, zoom: 1).pixels,
                       [RGB(0, 3, 1), RGB(17, 99, 64), RGB(128, 200, 127), RGB(255, 254, 250)])
        // One 1×1 kernel of three channels, then a second: weights 2, −2, 0 and 1, −1, 0.5 on a limit of 2.
        let weights: [Double] = [2, -2, 0, 1, -1, 0.5]
        XCTAssertEqual(kernelPicture(weights, kernel: 0, size: 1, limit: 2).pixels, [RGB(255, 0, 128)])
        XCTAssertEqual(kernelPicture(weights, kernel: 1, size: 1, limit: 2).pixels, [RGB(191, 64, 159)])
    }

    /// `g`: colour, red, green, blue, colour; the input's caption and the kernels' label say which; the kernels
    /// of one channel are that channel's weights.
    func testGCyclesTheChannels() throws {
        var state = AppState(size: Size(width: 120, height: 40), scenario: try builtin("lenet5-colour"))
        XCTAssertNil(state.cnn?.shownChannel)
        for (expected, name) in [(0, "red"), (1, "green"), (2, "blue")] {
            press(&state, "g")
            XCTAssertEqual(state.cnn?.shownChannel, expected)
            let text = view(state).plainText
            XCTAssertTrue(text.contains("input: \(name) channel (class 5)"), text)
            XCTAssertTrue(text.contains("\(name): kernels 5×5 of stage 1 (correlation)"), text)
        }
        press(&state, "g")
        XCTAssertNil(state.cnn?.shownChannel)
        var grey = AppState(size: Size(width: 120, height: 40), scenario: try builtin("cnn-digits"))
        press(&grey, "g")
        XCTAssertEqual(grey.cnn?.note, "a grey input has one channel: no colour to take apart")
    }
}
