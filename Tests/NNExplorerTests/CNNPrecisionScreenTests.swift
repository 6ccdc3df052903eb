import NNCore
import NNRender
import NNScenario
import XCTest
@testable import NNExplorer

/// `precision: single` on the CNN screen: the training settings say so while training computes in Float.
final class CNNPrecisionScreenTests: XCTestCase {
    private func digits(_ precision: CNNPrecision, dropout: Double = 0) throws -> Scenario {
        var scenario = try builtin("cnn-digits")
        scenario.cnn?.training.precision = precision
        scenario.cnn?.training.dropout = dropout
        return scenario
    }

    func testTheSettingsSaySinglePrecisionOnlyWhenTrainingUsesIt() throws {
        for size in [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40)] {
            var single = AppState(size: size, scenario: try digits(.single))
            press(&single, "n")
            XCTAssertTrue(view(single).plainText.contains("single precision"), view(single).plainText)
            XCTAssertEqual(single.cnn?.trainer?.trainsInSinglePrecision, true)
            var double = AppState(size: size, scenario: try digits(.double))
            press(&double, "n")
            XCTAssertFalse(view(double).plainText.contains("precision"), view(double).plainText)
        }
        // Dropout trains image by image, in double precision: the screen does not claim single.
        var dropout = AppState(size: Size(width: 120, height: 40), scenario: try digits(.single, dropout: 0.3))
        press(&dropout, "n")
        XCTAssertFalse(view(dropout).plainText.contains("single precision"), view(dropout).plainText)
    }
}
