import Benchmark
import Foundation
import NNScenario

/// Issue 15: `nnx check` within 1 s on any file up to 10 MB: 10 MB of points (a long list of numbers), 10 MB of
/// unknown keys (every one an error, the first 100 listed), and 10 MB of image CSV rows a scenario names.
func checkBenchmarks(_ configuration: Benchmark.Configuration) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnx-check-benchmark-\(getpid())").path
    try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let head = "title: t\nsummary: s\nmodel: perceptron\ndata:\n"
    func tenMegabytes(_ line: (Int) -> String) -> String {
        var text = "", n = 0
        while text.utf8.count < 10_000_000 { text += line(n); n += 1 }
        return text
    }
    let files = [
        ("points", head + "  points:\n" + tenMegabytes { "    - [\(Double($0 % 997) / 100), \(Double($0 % 991) / -100), \($0 % 2)]\n" }),
        ("unknown-keys", head + "  points: [[0, 0, 1]]\n" + tenMegabytes { "unknown_key_\($0): \($0)\n" }),
        ("image-csv", "title: t\nsummary: s\nmodel: cnn\ndata: {images: images.csv}\ncnn: {layers: [flatten, {dense: {units: 10}}, softmax]}\n"),
    ]
    try! tenMegabytes { n in (0..<64).map { String(($0 * 37 + n) % 256) }.joined(separator: ",") + ",\(n % 10)\n" }
        .write(toFile: folder + "/images.csv", atomically: true, encoding: .utf8)
    for (name, text) in files {
        let path = folder + "/\(name).yaml"
        try! text.write(toFile: path, atomically: true, encoding: .utf8)
        Benchmark("check-10mb-\(name)", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(ScenarioLoader.problems(contentsOf: path)) }
        }
    }
}
