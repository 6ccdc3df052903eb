import Benchmark
import NNCore
import NNExplorer
import NNRender
import NNScenario

/// Issue 12: the error surface of a 2-16-16-1 network on 1,000 points at 120×40 (64 × 72 half-block pixels,
/// about 4,800 grid points, each a pass over the data) updates within 100 ms of a key press: the MLP frame
/// with the surface open, at most 100 ms at p90 (wall clock; a reference of 0 in `Thresholds/` makes the
/// limit the figure). Besides the wall clock, the CPU time of all threads: a big grid is split over the
/// cores, so on a machine with both cores free the wall clock is about half of it. The grid alone, by kind
/// of pair, shows where the time goes (no figure is asked of it).
func surfaceBenchmarks() {
    var settings = MLPSettings()
    settings.sizes = [2, 16, 16, 1]
    settings.activation = .tanh
    let moons = DatasetGenerator(kind: .moons, count: 1_000)
    let measured = Benchmark.Configuration(metrics: [.wallClock, .cpuTotal], maxIterations: 50)
    var withinAKeyPress = measured
    withinAKeyPress.thresholds = [.wallClock: .init(absolute: [.p90: Int(Duration.milliseconds(100) / .nanoseconds(1))])]

    // The frame a key press draws: the MLP screen at 120×40 with the surface open, 20 epochs in, on the
    // default weights (after this training, two first-layer weights into one unit: the costliest kind of
    // pair) and on another pair of that kind.
    for (name, pair) in [("default-weights", nil), ("two-weights-into-one-unit",
                          (WeightIndex(layer: 0, from: 1, to: 3), WeightIndex(layer: 0, from: 2, to: 3)))] {
        var beats: [LessonBeat] = [.step(.epoch, count: 20), .focus(.surface)]
        if let (a, b) = pair { beats.insert(.set(.surfaceWeights(a, b)), at: 1) }
        var scenario = Scenario(title: "surface", summary: "benchmark", seed: 1, model: .mlp, data: .generator(moons), mlp: settings,
                                source: "benchmark")
        scenario.lesson = Lesson(chapter: nil, beats: beats)
        var state = AppState(size: Size(width: 120, height: 40), scenario: scenario)
        for _ in scenario.lesson!.presses { update(&state, .key(.right)) }
        update(&state, .key(.escape))   // the explorer as the lesson left it
        precondition(state.mlp?.surface != nil, "the surface is not open")
        let frozen = state
        Benchmark("surface-frame-mlp-2-16-16-1-1000-moons-120x40-\(name)", configuration: withinAKeyPress) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(view(frozen)) }
        }
    }

    // The grid alone, by kind of pair (the lower weight's layer sets the work a column, the higher's a point).
    let trainer = MLPTrainer(samples: moons.generate(seed: 1).samples, settings: settings, seed: 1)
    let surface = ErrorSurface(network: trainer.network, samples: trainer.trainingSet, loss: settings.loss)
    let offsetsA = (0..<64).map { Double($0) / 32 - 1 }, offsetsB = (0..<72).map { Double($0) / 36 - 1 }
    for (name, a, b) in [("two-first-layer-units", WeightIndex(layer: 0, from: 1, to: 3), WeightIndex(layer: 0, from: 2, to: 5)),
                         ("one-first-layer-unit", WeightIndex(layer: 0, from: 1, to: 3), WeightIndex(layer: 0, from: 2, to: 3)),
                         ("first-and-second-layer", WeightIndex(layer: 0, from: 1, to: 3), WeightIndex(layer: 1, from: 2, to: 5)),
                         ("second-layer-and-output", WeightIndex(layer: 1, from: 1, to: 3), WeightIndex(layer: 2, from: 2, to: 0))] {
        Benchmark("surface-grid-2-16-16-1-1000-points-64x72-\(name)", configuration: measured) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(surface.grid(a, b, offsetsA: offsetsA, offsetsB: offsetsB)) }
        }
    }
}
