import Benchmark
import NNCore

/// Issue 13: LeNet-5 as the lecture draws it (32×32 input, C1 6@28×28 5×5, S2, C3 16@10×10 5×5, S4, C5 120 as a
/// 5×5 convolution to 1×1, F6 84, 10 outputs, softmax and cross-entropy), on random images with random labels,
/// grey (1×32×32) and colour (3×32×32). Training is mini-batch (32) SGD with momentum, forward + backward +
/// update, one measurement an epoch of 1,000 images (31 batches of 32 and one of 8); inference is the test
/// evaluation's forward passes over 1,000 images. The figures are per image: training at most 120 µs on one
/// core and 80 µs on two, inference at most 40 µs on one core (a 60,000-image epoch within 10 s follows).
/// Besides the wall clock, the CPU time of all threads: on a shared machine it shows the work done apart from
/// the waiting for a core, and on two threads how much of it ran side by side. Each in double precision and
/// in single (`precision: single`: the batches in Float, the update in Double; "-float32" in the name).
func leNetBenchmarks(atMost limit: (Duration, BenchmarkScalingFactor) -> Benchmark.Configuration) {
    func atMost(_ time: Duration, _ scalingFactor: BenchmarkScalingFactor) -> Benchmark.Configuration {
        var configuration = limit(time, scalingFactor)
        configuration.metrics = [.wallClock, .cpuTotal]
        return configuration
    }
    for channels in [1, 3] {
        var rng = SplitMix64(seed: 13)
        let network = try! ConvNet(inputShape: [channels, 32, 32], layers: leNet5, rng: &rng)
        let images = (0..<1_000).map { n in
            LabeledImage(image: Tensor(channels: channels, height: 32, width: 32,
                                       values: (0..<(channels * 1_024)).map { _ in rng.nextUnit() }),
                         label: n % 10)
        }
        // Double precision (the default) and single (`precision: single`, "-float32" in the names).
        for precision in CNNPrecision.allCases {
            var settings = CNNSettings()
            settings.threads = 1
            settings.testSplit = 0
            settings.maxEpochs = .max
            settings.precision = precision
            let shape = "\(channels)x32x32" + (precision == .single ? "-float32" : "")
            for (threads, limit) in [(1, Duration.microseconds(120)), (2, .microseconds(80))] {
                var settings = settings
                settings.threads = threads
                let name = "cnn-lenet5-\(shape)-train-per-image-\(threads)-thread\(threads == 1 ? "" : "s")"
                Benchmark(name, configuration: atMost(limit, .kilo)) { benchmark in
                    var trainer = CNNTrainer(images: images, network: network, settings: settings, seed: 1)
                    benchmark.startMeasurement()
                    for _ in 0..<(benchmark.scaledIterations.count / images.count) { trainer.runEpoch() }
                    benchmark.stopMeasurement()
                    blackHole(trainer.network)
                }
            }
            Benchmark("cnn-lenet5-\(shape)-inference-per-image", configuration: atMost(.microseconds(40), .kilo)) { benchmark in
                let trainer = CNNTrainer(images: images, network: network, settings: settings, seed: 1)
                for _ in 0..<(benchmark.scaledIterations.count / images.count) { blackHole(trainer.evaluate(images)) }
            }
        }
    }
}

/// LeNet-5's stages, ReLU after each convolution and F6, max pooling.
let leNet5: [CNNLayer] = [
    .convolution(kernels: 6, size: 5, stride: 1, padding: .valid, mode: .correlation), .activation(.relu),
    .pooling(.max, size: 2, stride: 2),
    .convolution(kernels: 16, size: 5, stride: 1, padding: .valid, mode: .correlation), .activation(.relu),
    .pooling(.max, size: 2, stride: 2),
    .convolution(kernels: 120, size: 5, stride: 1, padding: .valid, mode: .correlation), .activation(.relu),
    .flatten, .dense(units: 84), .activation(.relu), .dense(units: 10), .softmax,
]
