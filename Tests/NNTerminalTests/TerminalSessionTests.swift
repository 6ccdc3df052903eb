import NNRender
import XCTest
@testable import NNTerminal

final class TerminalSessionTests: XCTestCase {
    private func check(_ environment: [String: String], stdin: Bool = true, stdout: Bool = true) -> TerminalUnavailable? {
        do {
            try TerminalSession.check(environment: environment, stdinIsTerminal: stdin, stdoutIsTerminal: stdout)
            return nil
        } catch {
            return error
        }
    }

    func testTermUnsetOrEmptyIsRefused() {
        XCTAssertEqual(check([:]), .termNotSet)
        XCTAssertEqual(check(["TERM": ""]), .termNotSet)
    }

    func testDumbTerminalIsRefused() {
        XCTAssertEqual(check(["TERM": "dumb"]), .noCursorAddressing(term: "dumb"))
    }

    func testNonTerminalStreamsAreRefused() {
        XCTAssertEqual(check(["TERM": "xterm-256color"], stdin: false), .notATerminal(stream: "standard input"))
        XCTAssertEqual(check(["TERM": "xterm-256color"], stdout: false), .notATerminal(stream: "standard output"))
    }

    func testAUsableTerminalPasses() {
        XCTAssertNil(check(["TERM": "xterm-256color"]))
        XCTAssertNil(check(["TERM": "tmux-256color", "LANG": "C"]))
    }

    /// The public pre-check decides these from the environment alone, whatever stdin/stdout are.
    func testPublicCheckRefusesWithoutAUsableTerm() {
        XCTAssertThrowsError(try TerminalSession.checkAvailable(environment: [:])) { error in
            XCTAssertEqual(error as? TerminalUnavailable, .termNotSet)
        }
        XCTAssertThrowsError(try TerminalSession.checkAvailable(environment: ["TERM": "dumb"])) { error in
            XCTAssertEqual(error as? TerminalUnavailable, .noCursorAddressing(term: "dumb"))
        }
    }

    func testPublicCheckMatchesTheTTYs() {
        let ttys = isatty(0) == 1 && isatty(1) == 1
        let result = Result { try TerminalSession.checkAvailable(environment: ["TERM": "xterm-256color"]) }
        switch result {
        case .success: XCTAssertTrue(ttys)
        case .failure(let error):
            XCTAssertFalse(ttys)
            guard case .notATerminal = error as? TerminalUnavailable else { return XCTFail("\(error)") }
        }
    }

    func testMessagesAreOneLine() {
        let all: [TerminalUnavailable] = [
            .notATerminal(stream: "standard output"), .termNotSet, .noCursorAddressing(term: "dumb"),
            .unknownTerminal(term: "foo"), .initializationFailed("no standard screen"),
        ]
        for error in all {
            XCTAssertFalse(error.description.contains("\n"))
            XCTAssertFalse(error.description.isEmpty)
        }
        XCTAssertEqual(TerminalUnavailable.unknownTerminal(term: "foo").description,
                       "unknown terminal type 'foo' (no terminfo entry); try TERM=xterm-256color")
    }

    func testCellCharacters() {
        XCTAssertEqual(CursesScreen.cellScalar(for: "a", unicode: true), 97)
        XCTAssertEqual(CursesScreen.cellScalar(for: "▀", unicode: true), 0x2580)
        XCTAssertEqual(CursesScreen.cellScalar(for: "⡀", unicode: true), 0x2840)
        XCTAssertEqual(CursesScreen.cellScalar(for: "▀", unicode: false), 63, "'?' when the locale is not UTF-8")
        XCTAssertEqual(CursesScreen.cellScalar(for: "\t", unicode: true), 32, "controls would draw as ^I")
        XCTAssertEqual(CursesScreen.cellScalar(for: "\u{7F}", unicode: true), 32)
        XCTAssertEqual(CursesScreen.cellScalar(for: "e\u{301}", unicode: true), 101, "first scalar only")
    }
}
