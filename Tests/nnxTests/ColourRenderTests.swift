import Foundation
import XCTest

final class ColourRenderTests: XCTestCase {
    /// A colour picture as the probe, red rows over blue rows: each cell of the input is `▀`, red in front and
    /// blue behind, as 24-bit codes with COLORTERM=truecolor (or 24bit) and as the nearest of 256 without.
    func testRenderANSIPicturesIn24BitOr256Colours() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnx-colour-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let rows = (0..<32).map { y in Array(repeating: y % 2 == 0 ? "255 0 0" : "0 0 255", count: 32).joined(separator: " ") }
        let picture = dir.appendingPathComponent("stripes.ppm")
        try ("P3\n32 32\n255\n" + rows.joined(separator: "\n") + "\n").write(to: picture, atomically: true, encoding: .utf8)
        let arguments = ["render", "lenet5-colour", "--probe", picture.path, "--ansi", "--size", "80x24"]
        let cells = String(repeating: "▀", count: 32)
        for colourTerm in ["truecolor", "24bit"] {
            let run = try nnx(arguments, environment: ["COLORTERM": colourTerm, "NO_COLOR": ""])
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertTrue(run.stdout.contains("\u{1B}[0;38;2;255;0;0;48;2;0;0;255m" + cells + "\u{1B}[0m "), run.stdout)
        }
        let run = try nnx(arguments, environment: ["COLORTERM": "", "NO_COLOR": ""])
        XCTAssertTrue(run.stdout.contains("\u{1B}[0;38;5;196;48;5;21m" + cells + "\u{1B}[0m "), run.stdout)
        XCTAssertFalse(run.stdout.contains("38;2;"))
        let mono = try nnx(arguments + ["--mono"], environment: ["COLORTERM": "truecolor"])
        XCTAssertFalse(mono.stdout.contains("38;2;") || mono.stdout.contains("38;5;"))
    }
}
