import Foundation
import NNCore
import XCTest

/// `nnx train`'s summaries and status names, as the core writes them. The numbers go through the caller's
/// format; here a plain `%.Nf`, so each figure shows the decimals the summary asks for.
final class TrainingSummaryTests: XCTestCase {
    private let fixed: NumberFormat = { value, digits in String(format: "%.\(digits)f", value) }

    func testStatusNames() {
        XCTAssertEqual(PerceptronStatus.running.name, "running")
        XCTAssertEqual(PerceptronStatus.converged(epoch: 3).name, "converged")
        XCTAssertEqual(PerceptronStatus.cycling(epoch: 3, sameAs: 1).name, "cycling")
        XCTAssertEqual(PerceptronStatus.notConverged(epochs: 50).name, "not_converged")
        XCTAssertEqual(MLPStatus.running.name, "running")
        XCTAssertEqual(MLPStatus.finished(epochs: 10).name, "finished")
        XCTAssertEqual(MLPStatus.earlyStopped(bestEpoch: 4, atEpoch: 9).name, "early_stopped")
        XCTAssertEqual(MLPStatus.diverged(epoch: 2).name, "diverged")
        XCTAssertEqual(CNNStatus.running.name, "running")
        XCTAssertEqual(CNNStatus.finished(epochs: 10).name, "finished")
        XCTAssertEqual(CNNStatus.diverged(epoch: 2).name, "diverged")
    }

    func testPlural() {
        XCTAssertEqual(plural(0, "epoch"), "0 epochs")
        XCTAssertEqual(plural(1, "epoch"), "1 epoch")
        XCTAssertEqual(plural(2, "sample visit"), "2 sample visits")
    }

    /// AND converges in epoch 6 with w = (−6, 4, 2) (see `PerceptronTests`).
    func testPerceptronSummary() {
        var trainer = PerceptronTrainer(samples: PerceptronTests.andTable, settings: PerceptronSettings(), seed: 1)
        trainer.run()
        let summary = TrainingSummary(perceptron: trainer, title: "Perceptron: AND", seconds: 0.0125, number: fixed)
        XCTAssertEqual(summary.json.text, """
            {"model":"perceptron","seed":1,"status":"converged","epochs":6,"steps":24,"updates":11,\
            "weights":[-6,4,2],"accuracy":1,"seconds":0.0125}
            """)
        XCTAssertEqual(summary.text, """
            Perceptron: AND (seed 1)
            status:   converged after 6 epochs (24 sample visits, 11 updates)
            weights:  (-6.000000, 4.000000, 2.000000)
            accuracy: 4/4 = 100.00 %
            time:     12.500 ms
            """)
    }

    /// A status name with an underscore is written with a space in the text; XOR's cycle is found in epoch 3.
    func testPerceptronSummaryOfACycle() {
        var trainer = PerceptronTrainer(samples: PerceptronTests.xorTable, settings: PerceptronSettings(), seed: 1)
        trainer.run()
        let text = TrainingSummary(perceptron: trainer, title: "XOR", seconds: 0, number: fixed).text
        XCTAssertEqual(text.split(separator: "\n")[1], "status:   cycling after 3 epochs (12 sample visits, 10 updates)")
        var capped = PerceptronTrainer(samples: PerceptronTests.xorTable, settings: PerceptronSettings(maxEpochs: 2, stopsAtCycle: false), seed: 1)
        capped.run()
        let cappedText = TrainingSummary(perceptron: capped, title: "XOR", seconds: 0, number: fixed).text
        XCTAssertEqual(cappedText.split(separator: "\n")[1], "status:   not converged after 2 epochs (8 sample visits, 6 updates)")
    }

    /// Two runs with a point held out: the kept run's figures, its validation line and one line per run.
    func testMLPSummaryOfRestartsWithValidation() {
        let xor = DatasetGenerator(kind: .xor, count: 8).generate(seed: 1).samples
        var settings = MLPSettings()
        settings.maxEpochs = 5
        settings.restarts = 2
        settings.validationSplit = 0.25
        let (runs, best) = MLPRestarts.run(samples: xor, settings: settings, seed: 10)
        let summary = TrainingSummary(mlpRuns: runs, best: best, title: "MLP: XOR", seconds: 0.5, number: fixed)
        XCTAssertEqual(summary.json.text, """
            {"model":"mlp","seed":11,"status":"finished","epochs":5,"loss":0.7580251811056427,"accuracy":0.5,\
            "val_loss":0.24512464116419994,"val_accuracy":0.5,"solved":false,"restarts":2,\
            "runs":[{"seed":10,"loss":0.44760516644195236,"accuracy":0.6666666666666666},\
            {"seed":11,"loss":0.24512464116419994,"accuracy":0.5}],"seconds":0.5}
            """)
        XCTAssertEqual(summary.text, """
            MLP: XOR (seed 11, best of 2 runs)
            status:   finished after 5 epochs
            loss:     0.758025 (squared_error, summed over 6 training points)
            accuracy: 50.00 % of the training points
            validation: loss 0.245125, accuracy 50.00 % of 2 points
              run 1 (seed 10): loss 0.447605, accuracy 66.67 %
              run 2 (seed 11): loss 0.245125, accuracy 50.00 %  <- kept
            time:     500.000 ms
            """)
    }

    /// One run that gets every training point right: no run lines, and the first perfect epoch.
    func testMLPSummaryOfASolvedRun() {
        var settings = MLPSettings()
        settings.maxEpochs = 3
        let (runs, best) = MLPRestarts.run(samples: [Sample(1, 0, label: 1)], settings: settings, seed: 1)
        let summary = TrainingSummary(mlpRuns: runs, best: best, title: "MLP: one point", seconds: 0, number: fixed)
        XCTAssertEqual(summary.json.text, """
            {"model":"mlp","seed":1,"status":"finished","epochs":3,"loss":0.06883614230176405,"accuracy":1,\
            "val_loss":null,"val_accuracy":null,"solved":true,"restarts":1,\
            "runs":[{"seed":1,"loss":0.06883614230176405,"accuracy":1}],"seconds":0}
            """)
        XCTAssertEqual(summary.text, """
            MLP: one point (seed 1)
            status:   finished after 3 epochs
            loss:     0.068836 (squared_error, summed over 1 training point)
            accuracy: 100.00 % of the training points (all of them)
            first epoch with every training point right: 1
            time:     0.000 ms
            """)
    }

    /// A CNN before any epoch has no figures ("-", null); after three, its last epoch's.
    func testCNNSummary() throws {
        var rng = SplitMix64(seed: 1)
        let network = try ConvNet(inputShape: [1, 8, 8], layers: [.flatten, .dense(units: 10), .softmax], rng: &rng)
        var settings = CNNSettings()
        settings.maxEpochs = 3
        settings.batchSize = 16
        var trainer = CNNTrainer(images: Array(Optdigits.images.prefix(80)), network: network, settings: settings, seed: 2)
        let untrained = TrainingSummary(cnn: trainer, title: "CNN: digits", seconds: 0, number: fixed)
        XCTAssertEqual(untrained.json.text, """
            {"model":"cnn","seed":2,"status":"running","epochs":0,"loss":null,"accuracy":null,"test_accuracy":null,"seconds":0,"precision":"double"}
            """)
        XCTAssertEqual(untrained.text, """
            CNN: digits (seed 2)
            status:        running after 0 epochs (0 batches of 16)
            loss:          - (mean cross-entropy over the epoch's training images)
            accuracy:      - of 60 training images
            test accuracy: - of 20 test images
            time:          0.000 ms
            """)
        trainer.run()
        let trained = TrainingSummary(cnn: trainer, title: "CNN: digits", seconds: 2, number: fixed)
        XCTAssertEqual(trained.json.text, """
            {"model":"cnn","seed":2,"status":"finished","epochs":3,"loss":1.8321132082290787,"accuracy":0.3,"test_accuracy":0.25,"seconds":2,"precision":"double"}
            """)
        XCTAssertEqual(trained.text, """
            CNN: digits (seed 2)
            status:        finished after 3 epochs (12 batches of 16)
            loss:          1.832113 (mean cross-entropy over the epoch's training images)
            accuracy:      30.00 % of 60 training images
            test accuracy: 25.00 % of 20 test images
            time:          2000.000 ms
            """)
    }
}
