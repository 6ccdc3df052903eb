import Foundation
import XCTest

/// Runs the built `nnx` binary as a user would, with stdout and stderr captured (so never a terminal).
struct Invocation {
    var status: Int32
    var stdout: String
    var stderr: String
}

func nnx(_ arguments: [String], environment: [String: String] = [:]) throws -> Invocation {
    let process = Process()
    process.executableURL = Bundle.main.bundleURL.appendingPathComponent("nnx")
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env.merge(environment) { $1 }
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Invocation(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
}

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
func scenarioPath(_ name: String) -> String { packageRoot.appendingPathComponent("scenarios/\(name).yaml").path }

final class CommandLineTests: XCTestCase {
    func testTraceOfTheWorkedExample() throws {
        let run = try nnx(["trace", scenarioPath("perceptron-worked-example")])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, """
            {"model":"perceptron","epoch":1,"step":1,"index":0,"x":[0.5,1],"y":-1,"v":1,"yhat":1,"error":-2,"w_before":[-1,2,1],"w_after":[-3,1,-1]}
            {"model":"perceptron","epoch":2,"step":2,"index":0,"x":[0.5,1],"y":-1,"v":-3.5,"yhat":-1,"error":0,"w_before":[-3,1,-1],"w_after":[-3,1,-1]}

            """)
    }

    /// Every AND record obeys the rule, and each starts from the weights the previous one left.
    func testTraceRecordsFollowTheRule() throws {
        let run = try nnx(["trace", "perceptron-and"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let records = try run.stdout.split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        XCTAssertEqual(records.count, 24)   // converges in epoch 6
        var previous: [Double] = [0, 0, 0]
        for (i, r) in records.enumerated() {
            let x = r["x"] as! [Double], w = r["w_before"] as! [Double], after = r["w_after"] as! [Double]
            let y = r["y"] as! Double, v = r["v"] as! Double, yhat = r["yhat"] as! Double, e = r["error"] as! Double
            XCTAssertEqual(r["model"] as? String, "perceptron")
            XCTAssertEqual(r["step"] as? Int, i + 1)
            XCTAssertEqual(r["epoch"] as? Int, i / 4 + 1)
            XCTAssertEqual(r["index"] as? Int, i % 4)
            XCTAssertEqual(w, previous)
            XCTAssertEqual(v, w[0] + w[1] * x[0] + w[2] * x[1])
            XCTAssertEqual(yhat, v >= 0 ? 1 : -1)
            XCTAssertEqual(e, y - yhat)
            XCTAssertEqual(after, [w[0] + e, w[1] + e * x[0], w[2] + e * x[1]])   // η = 1
            previous = after
        }
        XCTAssertEqual(previous, [-6, 4, 2])
    }

    func testTraceStopsAfterTheEpochsAsked() throws {
        let run = try nnx(["trace", "perceptron-xor", "--epochs", "2"])
        XCTAssertEqual(run.stdout.split(separator: "\n").count, 8)
        XCTAssertTrue(run.stdout.hasSuffix("\"epoch\":2,\"step\":8,\"index\":3,\"x\":[1,1],\"y\":-1,\"v\":4,\"yhat\":1,\"error\":-2,\"w_before\":[2,0,2],\"w_after\":[0,-2,0]}\n"), run.stdout)
    }

    /// After early stopping no record pairs one epoch's loss with another's weights: the stopping epoch has its
    /// own weights, and a last record, marked restored, gives the best epoch's weights the network keeps.
    func testTraceOfAnEarlyStoppedMLPSaysWhichWeightsAreRestored() throws {
        let run = try nnx(["trace", "mlp-overfitting"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let records = try run.stdout.split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let last = try XCTUnwrap(records.last), stop = records[records.count - 2]
        XCTAssertEqual(last["restored"] as? Bool, true)
        let best = try XCTUnwrap(last["epoch"] as? Int), stoppedAt = try XCTUnwrap(last["stopped_at"] as? Int)
        XCTAssertEqual(stop["epoch"] as? Int, stoppedAt)
        XCTAssertNil(stop["restored"])
        XCTAssertEqual(records.count, stoppedAt + 1)
        XCTAssertEqual(stoppedAt - best, 200)   // the scenario's patience
        let bestRecord = records[best - 1]
        XCTAssertEqual(bestRecord["epoch"] as? Int, best)
        XCTAssertEqual(last["val_loss"] as? Double, bestRecord["val_loss"] as? Double)
        XCTAssertEqual(last["loss"] as? Double, bestRecord["loss"] as? Double)
        XCTAssertEqual(last["layers"] as? [[[Double]]], bestRecord["layers"] as? [[[Double]]])
        XCTAssertNotEqual(stop["layers"] as? [[[Double]]], last["layers"] as? [[[Double]]])
        XCTAssertEqual(records.filter { $0["restored"] != nil }.count, 1)
    }

    /// XOR's weights cycle from epoch 3 on: the trace goes on to N epochs all the same (the contract), and
    /// nnx train still says they cycle.
    func testTraceGoesOnPastACycleToNEpochs() throws {
        let run = try nnx(["trace", "perceptron-xor", "--epochs", "10"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 40)
        XCTAssertEqual(lines.last, "{\"model\":\"perceptron\",\"epoch\":10,\"step\":40,\"index\":3,\"x\":[1,1],\"y\":-1,\"v\":4,\"yhat\":1,\"error\":-2,\"w_before\":[2,0,2],\"w_after\":[0,-2,0]}")
        let whole = try nnx(["trace", "perceptron-xor"])   // max_epochs: 100
        XCTAssertEqual(whole.stdout.split(separator: "\n").count, 400)
        let train = try nnx(["train", "perceptron-xor", "--json"])
        let o = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(train.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(o["status"] as? String, "cycling")
        XCTAssertEqual(o["epochs"] as? Int, 3)
    }

    func testTraceEpochsCanGoBeyondTheScenarioCap() throws {
        let run = try nnx(["trace", "perceptron-overlapping", "--epochs", "60"])   // max_epochs: 50
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout.split(separator: "\n").count, 60 * 60)
    }

    /// MLP traces: one record per epoch with the weights in the layers[l][i][j] layout, and with
    /// --per-sample one more per update whose weight changes add up to the epoch's weights.
    func testMLPTrace() throws {
        let run = try nnx(["trace", "mlp-xor", "--epochs", "3"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let records = try run.stdout.split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        XCTAssertEqual(records.map { $0["epoch"] as? Int }, [1, 2, 3])
        for r in records {
            XCTAssertEqual(r["model"] as? String, "mlp")
            XCTAssertEqual(r["accuracy"] as? Double, 0.5)
            XCTAssertTrue(r["val_loss"] is NSNull)
            let layers = try XCTUnwrap(r["layers"] as? [[[Double]]])
            XCTAssertEqual(layers.map(\.count), [3, 3])        // bias row + 2 inputs; bias row + 2 hidden units
            XCTAssertEqual(layers.map { $0[0].count }, [2, 1])
        }
        let detailed = try nnx(["trace", "mlp-xor", "--epochs", "1", "--per-sample"])
        let lines = try detailed.stdout.split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        XCTAssertEqual(lines.count, 6)                             // the first weights, 4 updates, then the epoch
        XCTAssertEqual(lines[0]["epoch"] as? Int, 0)
        XCTAssertEqual(lines[1...4].map { $0["samples"] as? [Int] }, [[0], [1], [2], [3]])
        let deltas = try XCTUnwrap(lines[1]["deltas"] as? [[Double]])
        XCTAssertEqual(deltas.map(\.count), [2, 1])
        XCTAssertEqual(lines[1]["x"] as? [Double], [0, 0])
        XCTAssertEqual(lines[1]["target"] as? [Double], [0])
        XCTAssertEqual(lines[5]["epoch"] as? Int, 1)
        // Replaying: epoch-0 weights plus the four updates' changes give the epoch-1 weights.
        var weights = try XCTUnwrap(lines[0]["layers"] as? [[[Double]]])
        for update in lines[1...4] {
            let changes = try XCTUnwrap(update["weight_changes"] as? [[[Double]]])
            for l in weights.indices { for i in weights[l].indices { for j in weights[l][i].indices { weights[l][i][j] += changes[l][i][j] } } }
        }
        let after = try XCTUnwrap(lines[5]["layers"] as? [[[Double]]])
        for l in weights.indices { for i in weights[l].indices { for j in weights[l][i].indices {
            XCTAssertEqual(weights[l][i][j], after[l][i][j], accuracy: 1e-15)
        } } }
    }

    /// With dropout, --per-sample records add each update's `dropped` hidden units (1 dropped), last; a
    /// dropped unit's z and δ are 0. Epoch records and traces without dropout have no such field.
    func testTraceRecordsDropoutMasksOnlyPerSample() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnx-dropout-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("dropout.yaml").path
        try "title: T\nsummary: S\nmodel: mlp\ndata: {generator: {kind: xor}}\nmlp: {layers: [2, 3, 2, 1], dropout: 0.5}\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let detailed = try nnx(["trace", file, "--epochs", "2", "--per-sample"])
        XCTAssertEqual(detailed.status, 0, detailed.stderr)
        let lines = detailed.stdout.split(separator: "\n")
        let records = try lines.map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let updates = records.filter { $0["step"] != nil }
        XCTAssertEqual(updates.count, 8)
        var droppedAny = false
        for (line, update) in zip(lines.filter { $0.contains("\"step\"") }, updates) {
            XCTAssertTrue(line.hasSuffix("]]}") && line.contains("],\"dropped\":[["), "dropped comes last: \(line)")
            let dropped = try XCTUnwrap(update["dropped"] as? [[Int]])
            XCTAssertEqual(dropped.map(\.count), [3, 2])
            let z = try XCTUnwrap(update["z"] as? [[Double]]), deltas = try XCTUnwrap(update["deltas"] as? [[Double]])
            for l in 0..<2 { for j in dropped[l].indices where dropped[l][j] == 1 {
                droppedAny = true
                XCTAssertEqual(z[l][j], 0)
                XCTAssertEqual(deltas[l][j], 0)
            } }
        }
        XCTAssertTrue(droppedAny)
        XCTAssertTrue(records.filter { $0["step"] == nil }.allSatisfy { $0["dropped"] == nil })
        let epochs = try nnx(["trace", file, "--epochs", "2"])
        XCTAssertFalse(epochs.stdout.contains("dropped"), epochs.stdout)
        XCTAssertFalse(try nnx(["trace", "mlp-xor", "--epochs", "1", "--per-sample"]).stdout.contains("dropped"))
    }

    func testMLPTrainSummary() throws {
        let run = try nnx(["train", "mlp-xor-momentum", "--json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        // JSON Lines: each epoch's record as nnx trace writes it, then the summary.
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let trace = try nnx(["trace", "mlp-xor-momentum"]).stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(Array(lines.dropLast()), trace)
        XCTAssertEqual(run.stderr, "")   // stderr is a pipe here: no progress line
        let o = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try XCTUnwrap(lines.last).utf8)) as? [String: Any])
        XCTAssertEqual(o["model"] as? String, "mlp")
        XCTAssertEqual(o["solved"] as? Bool, true)
        XCTAssertEqual(o["accuracy"] as? Double, 1)
        let text = try nnx(["train", "mlp-xor-stuck", "--seed", "1"])
        XCTAssertTrue(text.stdout.contains("best of 5 runs"), text.stdout)
        XCTAssertTrue(text.stdout.contains("run 1 (seed 1): loss 0.338"), text.stdout)
        XCTAssertTrue(text.stdout.contains("<- kept"), text.stdout)
    }

    /// stop_when: nnx train says why it stopped (text and a last JSON field), the trace marks the epoch.
    func testTrainSaysWhyItStopped() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnx-stop-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("stop.yaml").path
        try "title: T\nsummary: S\nseed: 1\nmodel: mlp\ndata: {generator: {kind: circles}}\nmlp: {features: [x1_squared, x2_squared], "
            .appending("layers: [2, 1], order: shuffled, stop_when: {train_loss: 10}}\n").write(toFile: file, atomically: true, encoding: .utf8)
        let text = try nnx(["train", file])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("status:   stopped after 2 epochs (stop_when train_loss: 6.944774 <= 10)\n"), text.stdout)
        let json = try nnx(["train", file, "--json"]).stdout.split(separator: "\n")
        XCTAssertTrue(json.last?.hasSuffix(",\"stopped_when\":\"train_loss\"}") ?? false, "\(json)")
        XCTAssertTrue(json.last?.contains("\"status\":\"stopped\",\"epochs\":2,") ?? false)
        XCTAssertTrue(json.dropLast().last?.contains("\"stopped_when\":\"train_loss\",\"layers\"") ?? false)
        XCTAssertFalse(try nnx(["trace", "mlp-xor", "--epochs", "2"]).stdout.contains("stopped_when"))
    }

    /// A CNN's --json: each epoch's record as nnx trace writes it (after the stage records), then the summary;
    /// with restarts each MLP record names its run.
    func testTrainJSONLinesAnEpoch() throws {
        let cnn = try nnx(["train", "cnn-digits", "--json"])
        XCTAssertEqual(cnn.status, 0, cnn.stderr)
        let lines = cnn.stdout.split(separator: "\n").map(String.init)
        let epochs = try nnx(["trace", "cnn-digits"]).stdout.split(separator: "\n").map(String.init).filter { $0.contains("\"epoch\"") }
        XCTAssertEqual(epochs.count, 10)
        XCTAssertEqual(Array(lines.dropLast()), epochs)
        XCTAssertTrue(try XCTUnwrap(lines.last).hasPrefix("{\"model\":\"cnn\""), cnn.stdout)
        let stuck = try nnx(["train", "mlp-xor-stuck", "--json"]).stdout.split(separator: "\n")
        XCTAssertTrue(stuck.first?.hasPrefix("{\"run\":0,\"model\":\"mlp\",\"epoch\":1,") ?? false, String(stuck.first ?? ""))
        XCTAssertTrue(stuck.dropLast().last?.hasPrefix("{\"run\":4,") ?? false)
    }

    func testRenderPrintsTheFrame() throws {
        let run = try nnx(["render", scenarioPath("perceptron-worked-example"), "--steps", "1", "--size", "100x30"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 31)   // 30 rows and the final newline
        XCTAssertTrue(run.stdout.contains("w: (−1, 2, 1) → (−3, 1, −1)"), run.stdout)
        XCTAssertFalse(run.stdout.contains("\u{1B}["))
        let ansi = try nnx(["render", "perceptron-and", "--ansi", "--size", "80x24"], environment: ["NO_COLOR": ""])
        XCTAssertTrue(ansi.stdout.contains("\u{1B}[0;1;38;5;"), ansi.stdout)
        let mono = try nnx(["render", "perceptron-and", "--ansi", "--size", "80x24", "--mono"])
        XCTAssertFalse(mono.stdout.contains("38;5;"))
        let light = try nnx(["render", "perceptron-and", "--ansi", "--size", "80x24", "--theme", "light"], environment: ["NO_COLOR": ""])
        XCTAssertTrue(light.stdout.contains("\u{1B}[0;1;38;5;16m nnx"), light.stdout)
        let standard = try nnx(["render", "perceptron-and", "--ansi", "--size", "80x24", "--theme", "standard"], environment: ["NO_COLOR": ""])
        XCTAssertEqual(try nnx(["render", "perceptron-and", "--ansi", "--size", "80x24", "--theme", "default"], environment: ["NO_COLOR": ""]).stdout,
                       standard.stdout)   // "default" names the standard theme
        let noColor = try nnx(["render", "perceptron-and", "--ansi", "--size", "80x24"], environment: ["NO_COLOR": "1"])
        XCTAssertFalse(noColor.stdout.contains("38;5;"))
    }

    /// Same scenario and seed: byte-identical frames and traces from separate runs.
    /// Steps past the end of training change nothing and cost nothing: the largest count gives the last frame
    /// at once; a threshold network, which walks its points for ever, skips whole cycles.
    func testRenderStopsCountingWhenTrainingEnds() throws {
        let last = try nnx(["render", "perceptron-and", "--steps", "9223372036854775807"])
        XCTAssertEqual(last.status, 0, last.stderr)
        XCTAssertEqual(last.stdout, try nnx(["render", "perceptron-and", "--steps", "100"]).stdout)
        let walk = try nnx(["render", "threshold-xor", "--steps", "9223372036854775805"])   // 1 more than a multiple of 4
        XCTAssertEqual(walk.status, 0, walk.stderr)
        XCTAssertEqual(walk.stdout, try nnx(["render", "threshold-xor", "--steps", "5"]).stdout)
        XCTAssertNotEqual(walk.stdout, try nnx(["render", "threshold-xor", "--steps", "6"]).stdout)
    }

    func testSeparateRunsGiveIdenticalOutput() throws {
        for args in [["render", "perceptron-separable", "--steps", "57", "--ansi"], ["trace", "perceptron-overlapping", "--epochs", "3"]] {
            let first = try nnx(args), second = try nnx(args)
            XCTAssertEqual(first.status, 0, first.stderr)
            XCTAssertFalse(first.stdout.isEmpty)
            XCTAssertEqual(first.stdout, second.stdout)
        }
    }

    func testCheckSuggestsAMistypedName() throws {
        let run = try nnx(["check", "perceptron-an"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.hasSuffix("did you mean 'perceptron-and'?\n"), run.stderr)
    }

    func testRenderRejectsABadSize() throws {
        for size in ["big", "100x30x", "+100x+30", "-5x3", "x30"] {
            let run = try nnx(["render", "perceptron-and", "--size", size])
            XCTAssertEqual(run.status, 2, size)
            XCTAssertTrue(run.stderr.hasPrefix("Error: --size must look like 120x40 (WIDTHxHEIGHT in characters), found '\(size)'\n"), run.stderr)
        }
    }

    /// Every count and size on the command line says what is wrong with it, negative values included
    /// (`--steps -3` once read as an option and said "Missing value").
    func testCountsAndSizesSayWhatIsWrong() throws {
        let cases: [([String], String)] = [
            (["render", "perceptron-and", "--steps", "-3"], "--steps must be 0 or more, found -3"),
            (["render", "perceptron-and", "--steps=-3"], "--steps must be 0 or more, found -3"),
            (["render", "perceptron-and", "--steps", "abc"], "--steps must be a whole number of 0 or more, found 'abc'"),
            (["render", "perceptron-and", "--steps", "2.5"], "--steps must be a whole number of 0 or more, found '2.5'"),
            (["render", "perceptron-and", "--steps", "99999999999999999999"], "--steps is too large: at most 9223372036854775807, found 99999999999999999999"),
            (["render", "perceptron-and", "--size", "0x5"], "--size needs a width and a height of at least 1, found '0x5'"),
            (["render", "perceptron-and", "--size", "2000x30"], "--size can be at most 1000x1000, found '2000x30'"),
            (["trace", "perceptron-and", "--epochs", "-3"], "--epochs must be 0 or more, found -3"),
            (["trace", "perceptron-and", "--epochs", "ten"], "--epochs must be a whole number of 0 or more, found 'ten'"),
            (["train", "perceptron-and", "--seed", "-1"], "--seed must be a whole number from 0 to 18446744073709551615, found '-1'"),
            (["train", "perceptron-and", "--seed", "1e3"], "--seed must be a whole number from 0 to 18446744073709551615, found '1e3'"),
            (["record", "lesson-1-perceptron", "--out", "-", "--size", "-120x40"], "--size must look like 120x40 (WIDTHxHEIGHT in characters), found '-120x40'"),
            (["record", "lesson-1-perceptron", "--out", "-", "--size", "120x0"], "--size needs a width and a height of at least 1, found '120x0'"),
        ]
        for (arguments, message) in cases {
            let run = try nnx(arguments)
            XCTAssertEqual(run.status, 2, arguments.joined(separator: " "))
            XCTAssertEqual(run.stderr.split(separator: "\n").first.map(String.init), "Error: " + message)
            XCTAssertEqual(run.stdout, "")
        }
        // Good values still work, a seed of 0 and the largest one included.
        XCTAssertEqual(try nnx(["train", "perceptron-and", "--seed", "0"]).status, 0)
        XCTAssertEqual(try nnx(["train", "perceptron-and", "--seed", "18446744073709551615"]).status, 0)
        XCTAssertEqual(try nnx(["trace", "perceptron-and", "--epochs", "0"]).status, 0)
    }

    func testCheckReportsErrorsWithTheirPlace() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnx-check-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let bad = dir.appendingPathComponent("bad.yaml")
        try "title: t\nsummary: s\nmodel: perceptron\ndata:\n  points: [[0, 0, 1]]\nperceptron:\n  learning_rat: 1\n"
            .write(to: bad, atomically: true, encoding: .utf8)
        let run = try nnx(["check", scenarioPath("perceptron-and"), bad.path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stdout.contains("perceptron-and.yaml: ok"), run.stdout)
        XCTAssertTrue(run.stderr.hasPrefix(bad.path + ":7:3: error: "), run.stderr)
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1)
        try "title: t\nsummary: s\nseed: -1\nmodel: perceptron\ndata:\n  points: [[0, 0, 1]]\nperceptron:\n  order: shufled\n"
            .write(to: bad, atomically: true, encoding: .utf8)
        let both = try nnx(["check", bad.path])
        XCTAssertEqual(both.stderr, """
            \(bad.path):3:7: error: seed must be an integer of at least 0, found -1
            \(bad.path):8:10: error: order must be one of sequential, shuffled; found 'shufled'; did you mean 'shuffled'?

            """)
        XCTAssertTrue(run.stderr.contains("learning_rate"), run.stderr)
    }

    func testRenderRejectsASizeBelowTheMinimum() throws {
        let run = try nnx(["render", "perceptron-and", "--size", "50x10"])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, "nnx: --size 50x10 is smaller than the 64x20 this screen needs\n")
    }

    func testAMistypedCommandIsNotTakenForAFile() throws {
        let run = try nnx(["lesson"])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, "nnx: 'lesson' is neither a file nor a built-in scenario (see `nnx lessons`); did you mean the command 'lessons'?\n")
        let name = try nnx(["render", "perceptron-an"])
        XCTAssertTrue(name.stderr.hasSuffix("did you mean 'perceptron-and'?\n"), name.stderr)
    }

    func testMissingFileIsBadInput() throws {
        let run = try nnx(["render", "/nonexistent/x.yaml"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.hasPrefix("/nonexistent/x.yaml:1:1: error:"), run.stderr)
    }

    func testExplorerRefusesWithoutATerminal() throws {
        for args in [[], ["run", "perceptron-and"]] {
            let run = try nnx(args)
            XCTAssertEqual(run.status, 2)
            XCTAssertTrue(run.stderr.contains("nnx render"), run.stderr)
            XCTAssertEqual(run.stderr.split(separator: "\n").count, 1)
            XCTAssertEqual(run.stdout, "")
        }
    }

    func testLessonsListsTheBuiltins() throws {
        let run = try nnx(["lessons"])
        XCTAssertEqual(run.status, 0)
        for name in ["perceptron-and", "perceptron-or", "perceptron-xor", "perceptron-worked-example",
                     "perceptron-separable", "perceptron-overlapping"] {
            XCTAssertTrue(run.stdout.contains(name), name)
        }
        // Lessons first, by chapter, then the scenarios.
        let lessons = try XCTUnwrap(run.stdout.range(of: "Lessons (")), scenarios = try XCTUnwrap(run.stdout.range(of: "Scenarios to explore"))
        XCTAssertLessThan(lessons.lowerBound, scenarios.lowerBound)
        let first = try XCTUnwrap(run.stdout.range(of: "lesson-1-perceptron")), seventh = try XCTUnwrap(run.stdout.range(of: "lesson-7-cnn-digits"))
        XCTAssertLessThan(first.lowerBound, seventh.lowerBound)
        // Lesson 2a (XOR by hand) between lesson 2 and lesson 3, as the lecture goes.
        let lessonNames = run.stdout.split(separator: "\n").compactMap { $0.split(separator: " ").first }.filter { $0.hasPrefix("lesson-") }
        XCTAssertEqual(lessonNames.prefix(4), ["lesson-1-perceptron", "lesson-2-convergence", "lesson-2a-xor-by-hand", "lesson-3-backpropagation"])
        XCTAssertLessThan(seventh.lowerBound, scenarios.lowerBound)
    }

    /// `nnx record`: an asciicast v2 file, its header and one frame event a beat, in time order.
    /// `--out` writes a new file, or with `--force` an existing regular file its permissions let the user write
    /// (keeping them); never a device, a FIFO, a folder or a symbolic link, even as root.
    func testRecordWritesOnlyWhereItMay() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnx-out-\(getpid())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func record(_ out: String, force: Bool = false) throws -> Invocation {
            try nnx(["record", "lesson-2-convergence", "--out", out, "--size", "80x24"] + (force ? ["--force"] : []))
        }
        let cast = folder + "/a.cast"
        XCTAssertEqual(try record(cast).status, 0)
        let first = try String(contentsOfFile: cast, encoding: .utf8)
        XCTAssertEqual(try record(cast).stderr, "nnx: cannot write \(cast): it exists (--force replaces it)\n")
        XCTAssertEqual(chmod(cast, 0o600), 0)
        try "old".write(toFile: cast, atomically: false, encoding: .utf8)
        XCTAssertEqual(try record(cast, force: true).status, 0)
        XCTAssertEqual(try String(contentsOfFile: cast, encoding: .utf8), first)
        XCTAssertEqual((try FileManager.default.attributesOfItem(atPath: cast)[.posixPermissions] as? Int), 0o600)
        let link = folder + "/l.cast"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: cast)
        XCTAssertEqual(mkfifo(folder + "/f", 0o600), 0)
        let readOnly = folder + "/ro.cast"
        XCTAssertTrue(FileManager.default.createFile(atPath: readOnly, contents: Data("keep".utf8), attributes: [.posixPermissions: 0o444]))
        for (out, reason) in [(link, "it is a symbolic link (nnx writes only regular files)"),
                              (folder + "/f", "it is a FIFO (a named pipe), not a regular file"),
                              ("/dev/null", "it is a device, not a regular file"), (folder, "it is a folder"),
                              (readOnly, "its permissions do not let you write it"),
                              (folder + "/none/x.cast", "no such folder \(folder)/none")] {
            let run = try record(out, force: true)
            XCTAssertEqual(run.status, 2)
            XCTAssertEqual(run.stderr, "nnx: cannot write \(out): \(reason)\n")
        }
        XCTAssertEqual(try String(contentsOfFile: readOnly, encoding: .utf8), "keep")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), ["a.cast", "f", "l.cast", "ro.cast"],
                       "no temporary file left behind")
    }

    func testRecordWritesAnAsciicast() throws {
        let run = try nnx(["record", "lesson-2-convergence", "--out", "-", "--size", "80x24"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let header = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        XCTAssertEqual(header["version"] as? Int, 2)
        XCTAssertEqual(header["width"] as? Int, 80)
        XCTAssertEqual(header["height"] as? Int, 24)
        let events = try lines.dropFirst().map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [Any]) }
        let beats = 8   // lesson-2-convergence.yaml: 21 script beats, 8 key presses
        XCTAssertEqual(events.count, beats + 2)   // the opening frame, one a beat, the cursor back
        let times = events.compactMap { $0[0] as? Double }
        XCTAssertEqual(times, times.sorted())
        XCTAssertTrue(events.allSatisfy { $0[1] as? String == "o" })
        XCTAssertTrue((events[beats][2] as? String ?? "").contains("beat \(beats) of \(beats) (end)"))
        // The same lesson, the same file.
        XCTAssertEqual(try nnx(["record", "lesson-2-convergence", "--out", "-", "--size", "80x24"]).stdout, run.stdout)
        // Without --size: 120x40, the size lessons are written for.
        let defaultSize = try nnx(["record", "lesson-2-convergence", "--out", "-"])
        let defaultHeader = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(defaultSize.stdout.prefix { $0 != "\n" }.utf8)) as? [String: Any])
        XCTAssertEqual(defaultHeader["width"] as? Int, 120)
        XCTAssertEqual(defaultHeader["height"] as? Int, 40)
        XCTAssertTrue(try nnx(["record", "--help"]).stdout.contains("(default: 120x40)"))
        let plain = try nnx(["record", "perceptron-and", "--out", "-"])
        XCTAssertEqual(plain.status, 2)
        XCTAssertEqual(plain.stderr, "nnx: perceptron-and.yaml has no lesson: record plays a lesson's beats (see `nnx lessons`)\n")
    }

    func testTrainPrintsASummary() throws {
        let run = try nnx(["train", "perceptron-and", "--json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let o = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(o["status"] as? String, "converged")
        XCTAssertEqual(o["epochs"] as? Int, 6)
        XCTAssertEqual(o["weights"] as? [Double], [-6, 4, 2])
        XCTAssertEqual(o["accuracy"] as? Double, 1)
    }

    func testHelpForEachCommand() throws {
        for command in ["render", "trace", "train", "check", "lessons", "run", "record"] {
            let run = try nnx([command, "--help"])
            XCTAssertEqual(run.status, 0, command)
            XCTAssertTrue(run.stdout.contains("USAGE: nnx \(command)"), run.stdout)
        }
    }
}

final class CNNCommandLineTests: XCTestCase {
    /// `--epochs 0`: one record per stage output for the probe image, in the format.
    func testTraceOfTheEdgeKernels() throws {
        let run = try nnx(["trace", "cnn-pooling", "--epochs", "0"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let records = try run.stdout.split(separator: "\n").map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        XCTAssertEqual(records.map { $0["kind"] as? String }, ["conv", "activation", "pool"])
        XCTAssertEqual(records.map { $0["layer"] as? Int }, [0, 1, 2])
        XCTAssertEqual(records.map { $0["shape"] as? [Int] }, [[2, 8, 8], [2, 8, 8], [2, 4, 4]])
        XCTAssertTrue(records.allSatisfy { $0["model"] as? String == "cnn" })
        // Map 1 answers 2·9·3 = 54 along the diagonal (three 9s under the kernel's three 2s, away from the corners).
        let conv = try XCTUnwrap(records[0]["values"] as? [[[Double]]])
        XCTAssertEqual(conv[1][3][3], 54)
        XCTAssertEqual(conv[1][0][0], 36)   // the corner: one 9 of the line falls outside (zero padding)
        let pooled = try XCTUnwrap(records[2]["values"] as? [[[Double]]])
        XCTAssertEqual(pooled[1][1][1], 54)
    }

    /// With epochs: the stage records, then one record per epoch; train prints the summary.
    func testTraceAndTrainTheDigits() throws {
        let trace = try nnx(["trace", "cnn-digits", "--epochs", "1"])
        XCTAssertEqual(trace.status, 0, trace.stderr)
        let lines = trace.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 7)
        let epoch = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(lines[6].utf8)) as? [String: Any])
        XCTAssertEqual(epoch["epoch"] as? Int, 1)
        XCTAssertEqual(Array(lines[6].utf8.prefix(30)), Array("{\"model\":\"cnn\",\"epoch\":1,\"loss\"".utf8.prefix(30)))
        XCTAssertGreaterThan(epoch["test_accuracy"] as? Double ?? 0, 0.9)
        let handSet = try nnx(["train", "cnn-edge-kernels"])
        XCTAssertEqual(handSet.status, 2)
        XCTAssertTrue(handSet.stderr.contains("the network does not end in softmax, so nothing is trained"), handSet.stderr)
    }

    func testRenderAfterBatches() throws {
        let run = try nnx(["render", "cnn-digits", "--steps", "3", "--size", "100x30"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("epoch 1 · step 3"), run.stdout)
        XCTAssertTrue(run.stdout.contains("P(class)"), run.stdout)
    }

    /// A threshold network trains nothing: trace writes its output on every point, train says so, render steps
    /// through the points, check places a bad block's problem.
    func testThresholdNetworkCommands() throws {
        let trace = try nnx(["trace", "threshold-xor"])
        XCTAssertEqual(trace.status, 0, trace.stderr)
        XCTAssertEqual(trace.stdout, """
            {"model":"threshold","index":0,"x":[0,0],"y":-1,"hidden_net":[-0.5,-1.5],"hidden":[-1,-1],"output_net":-1,"yhat":-1}
            {"model":"threshold","index":1,"x":[0,1],"y":1,"hidden_net":[0.5,-0.5],"hidden":[1,-1],"output_net":1,"yhat":1}
            {"model":"threshold","index":2,"x":[1,0],"y":1,"hidden_net":[0.5,-0.5],"hidden":[1,-1],"output_net":1,"yhat":1}
            {"model":"threshold","index":3,"x":[1,1],"y":-1,"hidden_net":[1.5,0.5],"hidden":[1,1],"output_net":-1,"yhat":-1}

            """)
        let train = try nnx(["train", "threshold-xor"])
        XCTAssertEqual(train.status, 2)
        XCTAssertEqual(train.stderr, "nnx: threshold-xor.yaml: nothing to train: a threshold network's weights are set by hand "
                       + "(nnx trace prints its output on every point)\n")
        let render = try nnx(["render", "threshold-xor", "--steps", "2", "--size", "80x24"])
        XCTAssertEqual(render.status, 0, render.stderr)
        XCTAssertTrue(render.stdout.contains("point 3 of 4 · no training"), render.stdout)
        XCTAssertTrue(render.stdout.contains("x = (1, 0)   y = +1"), render.stdout)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnx-threshold-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let bad = dir.appendingPathComponent("bad.yaml")
        try "title: t\nsummary: s\nmodel: threshold\ndata:\n  points: [[0, 0, 1]]\nthreshold:\n  hidden: [[0, 1, 1]]\n  output: [0]\n"
            .write(to: bad, atomically: true, encoding: .utf8)
        let check = try nnx(["check", "threshold-xor", bad.path])
        XCTAssertEqual(check.status, 2)
        XCTAssertEqual(check.stdout, "threshold-xor: ok\n")
        XCTAssertEqual(check.stderr, "\(bad.path):8:11: error: output must be a list of 2 numbers [v0, v1] "
                       + "(a bias and the hidden unit's weight), found 1 item\n")
    }
}
