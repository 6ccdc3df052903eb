import XCTest
@testable import NNCore

/// The hand-wired XOR network, worked by hand: h1 = sign(x1 + x2 − 0.5), h2 = sign(x1 + x2 − 1.5),
/// ŷ = sign(h1 − h2 − 1), with sign(0) = +1.
final class ThresholdNetworkTests: XCTestCase {
    let xor = ThresholdNetwork(hidden: [[-0.5, 1, 1], [-1.5, 1, 1]], output: [-1, 1, -1])

    func testTheXORNetworkOnItsFourPoints() {
        // (0, 0): nets −0.5, −1.5 → h = (−1, −1); v = −1 + (−1) − (−1) = −1.
        XCTAssertEqual(xor.forward(0, 0), .init(hiddenNet: [-0.5, -1.5], hidden: [-1, -1], outputNet: -1, yhat: -1))
        // (0, 1) and (1, 0): nets 0.5, −0.5 → h = (+1, −1); v = −1 + 1 − (−1) = 1.
        XCTAssertEqual(xor.forward(0, 1), .init(hiddenNet: [0.5, -0.5], hidden: [1, -1], outputNet: 1, yhat: 1))
        XCTAssertEqual(xor.forward(1, 0), .init(hiddenNet: [0.5, -0.5], hidden: [1, -1], outputNet: 1, yhat: 1))
        // (1, 1): nets 1.5, 0.5 → h = (+1, +1); v = −1 + 1 − 1 = −1.
        XCTAssertEqual(xor.forward(1, 1), .init(hiddenNet: [1.5, 0.5], hidden: [1, 1], outputNet: -1, yhat: -1))
    }

    func testSignOfZeroIsPlusOne() {
        // (0.5, 0) lies on h1's line: net 0, so h1 = +1, as the perceptron's sign.
        let pass = xor.forward(0.5, 0)
        XCTAssertEqual(pass.hiddenNet, [0, -1])
        XCTAssertEqual(pass.hidden, [1, -1])
        // An output net of exactly 0 gives ŷ = +1 too.
        let zero = ThresholdNetwork(hidden: [[1, 0, 0]], output: [-1, 1])
        XCTAssertEqual(zero.forward(3, 4), .init(hiddenNet: [1], hidden: [1], outputNet: 0, yhat: 1))
    }

    func testWhatTheUnitsComputeAsLogic() {
        XCTAssertEqual(xor.hiddenFunction(0).table, [false, true, true, true])
        XCTAssertEqual(xor.hiddenFunction(0).name("x1", "x2"), "x1 OR x2")
        XCTAssertEqual(xor.hiddenFunction(1).name("x1", "x2"), "x1 AND x2")
        // Over (h1, h2) = (−1, −1), (−1, +1), (+1, −1), (+1, +1): v = −1, −3, 1, −1.
        XCTAssertEqual(xor.outputFunction?.table, [false, false, true, false])
        XCTAssertEqual(xor.outputFunction?.name("h1", "h2"), "h1 AND NOT h2")
        XCTAssertEqual(xor.function.name("x1", "x2"), "x1 XOR x2")
        XCTAssertNil(ThresholdNetwork(hidden: [[0, 1, 0]], output: [0, 1]).outputFunction)
    }

    func testEveryTruthTableHasAName() {
        var names = Set<String>()
        for index in 0..<16 {
            let bits = (0..<4).map { index >> (3 - $0) & 1 == 1 }
            names.insert(BooleanFunction { a, b in bits[(a ? 2 : 0) + (b ? 1 : 0)] }.name("a", "b"))
        }
        XCTAssertEqual(names.count, 16)
        XCTAssertTrue(names.isSuperset(of: ["always −1", "a AND b", "a OR b", "a XOR b", "NOT (a AND b)", "always +1", "NOT a OR b"]))
    }

    func testTraceRecord() {
        XCTAssertEqual(xor.forward(0, 1).traceRecord(index: 1, x1: 0, x2: 1, y: 1),
                       #"{"model":"threshold","index":1,"x":[0,1],"y":1,"hidden_net":[0.5,-0.5],"hidden":[1,-1],"output_net":1,"yhat":1}"#)
    }
}
