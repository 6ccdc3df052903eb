import Benchmark
import NNCore
import NNExplorer
import NNRender
import NNScenario

/// Figures the issues ask for (release build, this machine's 2 cores), with what was measured last:
/// - perceptron training, at least 150 million sample visits a second: ~455 M/s in a fixed order, but only
///   ~94 M/s shuffled (each mistake there is an unpredictable branch);
/// - the perceptron screen at 120×40 rendered into a frame, at most 1 ms: ~0.14 ms.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput], warmupIterations: 3,
                                           maxDuration: .seconds(3), maxIterations: 1_000)

    // 1,000 overlapping points never converge, so every visit counts. With the .mega scaling factor one
    // iteration is 1 M visits, and the figures read per visit (ns) and visits per second (throughput).
    let overlapping = DatasetGenerator(kind: .overlapping, count: 1_000).generate(seed: 1).samples
    for order in SampleOrder.allCases {
        let settings = PerceptronSettings(learningRate: 0.1, order: order, maxEpochs: 100_000)
        Benchmark("perceptron: sample visits (\(order.rawValue))", configuration: .init(scalingFactor: .mega)) { benchmark in
            var trainer = PerceptronTrainer(samples: overlapping, settings: settings, seed: 7)
            benchmark.startMeasurement()
            let visits = trainer.run(maxVisits: benchmark.scaledIterations.count)
            benchmark.stopMeasurement()
            precondition(visits == benchmark.scaledIterations.count, "training stopped early: \(trainer.status)")
            blackHole(trainer.weights)
        }
    }

    Benchmark("perceptron: sample visits with events (step)", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let settings = PerceptronSettings(learningRate: 0.1, order: .sequential, maxEpochs: 100_000)
        var trainer = PerceptronTrainer(samples: overlapping, settings: settings, seed: 7)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(trainer.step()) }
        benchmark.stopMeasurement()
    }

    for (name, steps) in [("perceptron-and", 7), ("perceptron-separable", 50)] {
        let scenario = try! BuiltinScenarios.load(named: name + ".yaml")
        var state = AppState(size: Size(width: 120, height: 40), scenario: scenario)
        for _ in 0..<steps { update(&state, .key(.character("n"))) }
        let frozen = state
        Benchmark("render: \(name) frame at 120x40") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(view(frozen)) }
        }
    }
}
