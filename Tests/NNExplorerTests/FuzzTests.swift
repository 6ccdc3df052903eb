import Foundation
import NNCore
import NNRender
import NNScenario
import XCTest
@testable import NNExplorer

/// Hostile and careless input, generated: the built-in scenarios and small data files mutated by a seeded
/// generator (bytes flipped, cut, repeated; numbers swapped for extremes; keys and values swapped for odd
/// YAML), each read as `nnx check` reads it. Every case must end in a scenario or in an error with its place
/// and words, and a scenario that reads must draw and step without a crash. A few hundred cases run in
/// `swift test`; `NNX_FUZZ_CASES=N` runs N, `NNX_FUZZ_SEED=S` another sequence.
final class FuzzTests: XCTestCase {
    private var cases: Int { Int(ProcessInfo.processInfo.environment["NNX_FUZZ_CASES"] ?? "") ?? 300 }
    private var seed: UInt64 { UInt64(ProcessInfo.processInfo.environment["NNX_FUZZ_SEED"] ?? "") ?? 15 }

    /// Scenarios small enough to read hundreds of times (the LeNet-5 ones make 5,000 images a read).
    private static let sources = BuiltinScenarios.files.filter { !$0.name.hasPrefix("lenet5") && $0.name != "cnn-glyphs.yaml" }

    /// Values that have broken readers before, or could.
    private static let oddValues = ["-1", "0", "1e308", "-1e308", "1e-320", "9223372036854775807", "-9223372036854775808",
                                    "18446744073709551616", ".nan", ".inf", "~", "\"\"", "[]", "{}", "[[]]", "1_000", "12:30",
                                    "0x7fffffffffffffff", "yes", "*undefined", "&a [1, *a]", "!!binary aGk=", "\"\\u0000\"",
                                    "\u{202E}evil", "日本語のタイトル", "👩‍🏫", "- x", "? k", "|\n  block", "2147483647", "65", "100001"]

    func testMutatedScenariosFailCleanlyOrRun() throws {
        var rng = SplitMix64(seed: seed)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnx-fuzz-\(getpid())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.writeDataFiles(into: folder, rng: &rng)
        let search = DataSearch(environment: [:], currentDirectory: folder)
        var read = 0, refused = 0
        for n in 0..<cases {
            let source = Self.sources[Int(rng.next() % UInt64(Self.sources.count))]
            let text = Self.mutate(source.text, rng: &rng)
            let scenario: Scenario
            do {
                scenario = try ScenarioLoader.parse(text, source: "fuzz.yaml", baseDirectory: folder, dataSearch: search)
            } catch {
                refused += 1
                XCTAssertGreaterThanOrEqual(error.line, 1, "case \(n)")
                XCTAssertGreaterThanOrEqual(error.column, 1, "case \(n)")
                XCTAssertFalse(error.message.isEmpty, "case \(n)")
                XCTAssertFalse(error.message.contains("\n"), "case \(n): one line: \(error.message)")
                continue
            }
            read += 1
            // It reads: it draws, steps a few times and draws again, at the smallest size and a large one.
            for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
                var state = AppState(size: size, scenario: scenario)
                _ = view(state)
                for _ in 0..<3 { update(&state, .key(state.lesson != nil ? .right : .character("n"))) }
                _ = view(state)
            }
        }
        XCTAssertEqual(read + refused, cases)
        XCTAssertGreaterThan(refused, 0)
    }

    /// Data files a mutated scenario may name, themselves mutated: CSV points, image rows, a PGM, an IDX pair.
    private static func writeDataFiles(into folder: String, rng: inout SplitMix64) throws {
        let points = "x1,x2,class\n0,0,0\n1,1,1\n0.5,-2,1\n"
        let images = (0..<4).map { k in (0..<16).map { _ in String(rng.next() % 256) }.joined(separator: ",") + ",\(k)" }.joined(separator: "\n")
        for (name, text) in [("points.csv", points), ("images.csv", images), ("pic.pgm", "P2\n2 2\n255\n0 64\n128 255\n")] {
            try Data(mutate(text, rng: &rng).utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        var idx: [UInt8] = [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 4, 0, 0, 0, 4] + (0..<32).map { _ in UInt8(rng.next() % 256) }
        idx[Int(rng.next() % UInt64(idx.count))] = UInt8(rng.next() % 256)
        try Data(idx).write(to: URL(fileURLWithPath: folder + "/train-images-idx3-ubyte"))
        try Data([0, 0, 8, 1, 0, 0, 0, 2, 1, 9]).write(to: URL(fileURLWithPath: folder + "/train-labels-idx1-ubyte"))
    }

    /// One to three edits of `text`.
    static func mutate(_ text: String, rng: inout SplitMix64) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func pick(_ count: Int) -> Int { Int(rng.next() % UInt64(max(1, count))) }
        for _ in 0...pick(3) {
            let i = pick(lines.count)
            switch pick(9) {
            case 0:   // a value swapped for an odd one
                if let colon = lines[i].firstIndex(of: ":") {
                    lines[i] = String(lines[i][...colon]) + " " + oddValues[pick(oddValues.count)]
                }
            case 1:   // a number swapped for an extreme
                lines[i] = lines[i].replacing(/-?[0-9]+(\.[0-9]+)?/) { _ in oddValues[pick(12)] }
            case 2: lines.remove(at: i)   // a line gone
            case 3: lines.insert(lines[i], at: i)   // a line twice (a duplicate key)
            case 4:   // cut short
                lines = Array(lines.prefix(i + 1))
                lines[i] = String(lines[i].prefix(pick(lines[i].count + 1)))
            case 5:   // a character flipped
                var scalars = Array(lines[i].unicodeScalars)
                if !scalars.isEmpty { scalars[pick(scalars.count)] = ["\t", "\u{0B}", "\u{85}", "\u{2028}", "#", ":", "[", "{", "\"", "\u{0}"][pick(10)] }
                lines[i] = String(String.UnicodeScalarView(scalars))
            case 6:   // indentation changed
                lines[i] = String(repeating: " ", count: pick(5)) + lines[i].drop { $0 == " " }
            case 7:   // a line from elsewhere in the file
                lines[i] = lines[pick(lines.count)]
            default:   // a key the scenario names a data file by
                lines.insert(["  csv: points.csv", "  images: images.csv", "  probe: pic.pgm", "  images: {idx: .}",
                              "  images: {folder: ., size: 8}", "  csv: /dev/zero"][pick(6)], at: i)
            }
        }
        return lines.joined(separator: "\n")
    }
}
