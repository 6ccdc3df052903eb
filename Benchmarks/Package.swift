// swift-tools-version:6.1
// Release-build benchmarks (ordo-one/benchmark). A separate package so that `swift build` and CI of nnx
// itself never build the benchmark tooling. Run: cd Benchmarks && swift package benchmark
import PackageDescription

let package = Package(
    name: "nnx-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "nnx", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "NNXBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "NNCore", package: "nnx"),
                .product(name: "NNRender", package: "nnx"),
                .product(name: "NNScenario", package: "nnx"),
                .product(name: "NNExplorer", package: "nnx"),
            ],
            path: "Benchmarks/NNXBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
