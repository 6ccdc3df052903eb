import Foundation
import XCTest

/// `docs/nnx.1` is made from the commands' help by swift-argument-parser's plugin (the README says how); this
/// keeps it from drifting: every command and every option the binary's help lists is in it, with the same
/// one-line summary.
final class ManualPageTests: XCTestCase {
    func testTheManualPageHasEveryCommandAndOption() throws {
        let manual = try String(contentsOf: packageRoot.appendingPathComponent("docs/nnx.1"), encoding: .utf8)
        let regenerate = "regenerate it: swift package --allow-writing-to-package-directory generate-manual --configuration debug "
            + "--date YYYY-MM-DD --authors \"the nnx developers\", then copy .build/plugins/GenerateManual/outputs/nnx/nnx.1 to docs/"
        let top = try nnx(["--help"]).stdout
        // Each command's line starts two spaces in; its wrapped summary continues further in.
        let commands = top.components(separatedBy: "SUBCOMMANDS:").last!.split(separator: "\n")
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }.compactMap { $0.split(separator: " ").first.map(String.init) }
            .filter { $0.allSatisfy(\.isLetter) && $0 != "See" }
        XCTAssertEqual(Set(commands), ["run", "render", "trace", "train", "check", "lessons", "record"])
        for command in commands {
            let help = try nnx([command, "--help"]).stdout
            XCTAssertTrue(manual.contains(".It Em \(command)\n"), "\(command) missing; \(regenerate)")
            let summary = String(help.prefix { $0 != "\n" }.dropFirst("OVERVIEW: ".count).prefix(40))
            XCTAssertTrue(manual.contains(summary), "\(command)'s summary differs; \(regenerate)")
            let options = help.matches(of: /--([a-z][a-z0-9-]*)/).map { String($0.output.1) }
            for option in Set(options) where option != "help" && option != "version" {
                XCTAssertTrue(manual.contains("Fl -\(option)"), "\(command) --\(option) missing; \(regenerate)")
            }
        }
    }
}
