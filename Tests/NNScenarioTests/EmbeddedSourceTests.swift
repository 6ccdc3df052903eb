import XCTest
@testable import ScenarioEmbedder

/// The plugin's generator writes each scenario as a raw literal; a scenario's text must come back unchanged.
final class EmbeddedSourceTests: XCTestCase {
    func testLiteralSurvivesAwkwardText() {
        // The delimiter grows until the text cannot close the literal or start an escape.
        XCTAssertEqual(EmbeddedSource.literal("a\n"), "#\"\"\"\na\n\n\"\"\"#")
        XCTAssertEqual(EmbeddedSource.literal("say \"\"\"# \\#(x)\n"),
                       "##\"\"\"\nsay \"\"\"# \\#(x)\n\n\"\"\"##")
    }
}
