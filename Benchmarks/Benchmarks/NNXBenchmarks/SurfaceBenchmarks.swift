/// Issue 12: the error surface of a 2-16-16-1 network on 1,000 points at 120×40 (64 × 72 half-block pixels,
/// about 4,800 grid points, each a pass over the data) updates within 100 ms of a key press. Measured last
/// (release, AVX2 kernels, this machine's 2 cores shared with other builds: the wall clock is the CPU time
/// when only one core is free, about half of it when both are):
/// - the MLP frame at 120×40 with the surface open (`view` after a key), 20 epochs in: p50 75 ms wall, 70 ms
///   CPU with the default weights (two first-layer weights into one unit, the costliest kind of pair);
///   p50 78 ms, p90 98 ms wall with another such pair; 44 ms wall with both cores free (outside the harness);
/// - the grid alone, p50 wall: two first-layer weights 71–80 ms, first and second layer 28 ms, a weight into
///   the output 16 ms.
/// A grid point recomputes only from the layer of the higher of the two weights up, big grids are split over
/// the cores, and tanh units share a division two at a time (that took the frame from 113 to 80 ms CPU).
func surfaceBenchmarks() {
    var settings = MLPSettings()
    settings.sizes = [2, 16, 16, 1]
    settings.activation = .tanh
    let moons = DatasetGenerator(kind: .moons, count: 1_000)
    // The CPU time besides the wall clock: a big grid runs on both cores, and other work on the machine
    // stretches the wall clock.
    let measured = Benchmark.Configuration(metrics: [.wallClock, .cpuTotal], maxIterations: 50)

    // The frame a key press draws: the MLP screen at 120×40 with the surface open, 20 epochs in.
    for (name, pair) in [("default weights", nil), ("two first-layer weights into one unit",
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
        Benchmark("surface: 2-16-16-1, 1,000 moons, MLP frame at 120x40, \(name)", configuration: measured) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(view(frozen)) }
        }
    }

    // The grid alone, by kind of pair (the lower weight's layer sets the work a column, the higher's a point).
    let trainer = MLPTrainer(samples: moons.generate(seed: 1).samples, settings: settings, seed: 1)
    let surface = ErrorSurface(network: trainer.network, samples: trainer.trainingSet, loss: settings.loss)
    let offsetsA = (0..<64).map { Double($0) / 32 - 1 }, offsetsB = (0..<72).map { Double($0) / 36 - 1 }
    for (name, a, b) in [("into two first-layer units", WeightIndex(layer: 0, from: 1, to: 3), WeightIndex(layer: 0, from: 2, to: 5)),
                         ("into one first-layer unit", WeightIndex(layer: 0, from: 1, to: 3), WeightIndex(layer: 0, from: 2, to: 3)),
                         ("first and second layer", WeightIndex(layer: 0, from: 1, to: 3), WeightIndex(layer: 1, from: 2, to: 5)),
                         ("second layer and output", WeightIndex(layer: 1, from: 1, to: 3), WeightIndex(layer: 2, from: 2, to: 0))] {
        Benchmark("surface: 2-16-16-1, 1,000 points, 64x72 grid, \(name)", configuration: measured) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(surface.grid(a, b, offsetsA: offsetsA, offsetsB: offsetsB)) }
        }
    }
}
