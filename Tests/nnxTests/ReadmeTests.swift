import Foundation
import XCTest

/// The README's examples come from the binary. An example is a code block right after a line
///
///     <!-- output of: nnx trace perceptron-worked-example | head -n 1 -->
///
/// whose command (run by `/bin/sh` with the built `nnx` first on the PATH) printed the block: a frame as it
/// is, JSON records as excerpts (numbers to 4 decimals, an array of arrays cut to its first item and `…`, a
/// list of more than 4 numbers to its first 3 and `…`). The test fails when the binary's output drifts.
///
/// After a change to what they show, regenerate every example with one command:
///
///     NNX_UPDATE_README=1 swift test --filter nnxTests.ReadmeTests
///
/// and read the diff of README.md (the prose around an example may need the same change).
final class ReadmeTests: XCTestCase {
    static let marker = "<!-- output of: "

    struct Example {
        var command: String
        /// Lines of the README between the fences.
        var lines: Range<Int>
        var json: Bool
    }

    static func examples(in readme: [String]) -> [Example] {
        var found: [Example] = []
        for (i, line) in readme.enumerated() where line.hasPrefix(marker) && line.hasSuffix(" -->") {
            guard i + 1 < readme.count, readme[i + 1].hasPrefix("```"),
                  let end = readme[(i + 2)...].firstIndex(where: { $0.hasPrefix("```") }) else { continue }
            let command = String(line.dropFirst(marker.count).dropLast(4))
            found.append(Example(command: command, lines: (i + 2)..<end, json: readme[i + 1] == "```json"))
        }
        return found
    }

    /// What the example's block should hold: the command's output, JSON lines as excerpts.
    static func expected(_ example: Example) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", example.command]
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = Bundle.main.bundleURL.path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        env["NO_COLOR"] = nil
        process.environment = env
        process.currentDirectoryURL = packageRoot
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return example.json ? lines.map(excerpt) : lines
    }

    func testExamplesAreTheBinarysOutput() throws {
        let url = packageRoot.appendingPathComponent("README.md")
        var readme = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        let examples = Self.examples(in: readme)
        XCTAssertGreaterThanOrEqual(examples.count, 4, "the frame and the three kinds of trace record")
        let update = ProcessInfo.processInfo.environment["NNX_UPDATE_README"] != nil
        // From the last, so that a rewritten block does not move the ones before it.
        for example in examples.reversed() {
            let expected = try Self.expected(example)
            XCTAssertFalse(expected.isEmpty, "\(example.command) printed nothing")
            if update {
                readme.replaceSubrange(example.lines, with: expected)
            } else {
                XCTAssertEqual(Array(readme[example.lines]), expected,
                               "README drifted from `\(example.command)`: NNX_UPDATE_README=1 swift test --filter nnxTests.ReadmeTests")
            }
        }
        if update { try readme.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8) }
    }

    /// The excerpt rules, on a line of each kind.
    func testExcerpts() {
        XCTAssertEqual(Self.excerpt(#"{"a":[0.5,1,-2],"b":0.123456,"c":null}"#), #"{"a":[0.5,1,-2],"b":0.1235,"c":null}"#)
        XCTAssertEqual(Self.excerpt(#"{"l":[[[0.06533,0.2463],[0.47,-0.05]],[[1],[2]]]}"#), #"{"l":[[[0.0653,0.2463],…],…]}"#)
        XCTAssertEqual(Self.excerpt(#"{"v":[1,2,3,4,5],"s":"x, [y]"}"#), #"{"v":[1,2,3,…],"s":"x, [y]"}"#)
        XCTAssertEqual(Self.excerpt(#"{"e":-0.00001,"f":[[1]]}"#), #"{"e":-1e-05,"f":[[1]]}"#)
        XCTAssertEqual(Self.excerpt("not json"), "not json")
    }

    // MARK: excerpts of JSON lines

    indirect enum JSON {
        case object([(String, JSON)]), array([JSON]), number(String), other(String)
    }

    static func excerpt(_ line: String) -> String {
        var scanner = Substring(line)
        guard let value = parse(&scanner), scanner.isEmpty else { return line }
        return write(value)
    }

    private static func write(_ value: JSON) -> String {
        switch value {
        case .object(let members): return "{" + members.map { "\($0.0):" + write($0.1) }.joined(separator: ",") + "}"
        case .array(let items):
            if case .array = items.first, items.count > 1 { return "[" + write(items[0]) + ",…]" }
            if items.count > 4 { return "[" + items.prefix(3).map(write).joined(separator: ",") + ",…]" }
            return "[" + items.map(write).joined(separator: ",") + "]"
        case .number(let text):
            guard text.contains(where: { ".eE".contains($0) }), let v = Double(text) else { return text }
            if v != 0, abs(v) < 0.001 { return String(format: "%.3g", v) }
            var s = String(format: "%.4f", v)
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
            return s == "-0" ? "0" : s
        case .other(let text): return text
        }
    }

    /// A small JSON reader that keeps the members' order and the numbers' text.
    private static func parse(_ s: inout Substring) -> JSON? {
        guard let first = s.first else { return nil }
        switch first {
        case "{":
            s.removeFirst()
            var members: [(String, JSON)] = []
            while s.first != "}" {
                guard case .other(let key)? = parse(&s), s.first == ":" else { return nil }
                s.removeFirst()
                guard let value = parse(&s) else { return nil }
                members.append((key, value))
                if s.first == "," { s.removeFirst() } else if s.first != "}" { return nil }
            }
            s.removeFirst()
            return .object(members)
        case "[":
            s.removeFirst()
            var items: [JSON] = []
            while s.first != "]" {
                guard let value = parse(&s) else { return nil }
                items.append(value)
                if s.first == "," { s.removeFirst() } else if s.first != "]" { return nil }
            }
            s.removeFirst()
            return .array(items)
        case "\"":
            var text = "\""
            s.removeFirst()
            while let c = s.first {
                s.removeFirst()
                text.append(c)
                if c == "\\", let next = s.first { s.removeFirst(); text.append(next); continue }
                if c == "\"" { return .other(text) }
            }
            return nil
        default:
            let token = s.prefix { !",]}".contains($0) }
            s.removeFirst(token.count)
            if token.first.map({ $0 == "-" || $0.isNumber }) == true { return .number(String(token)) }
            return ["null", "true", "false"].contains(token) ? .other(String(token)) : nil
        }
    }
}
