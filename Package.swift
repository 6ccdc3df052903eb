// swift-tools-version:6.1
import PackageDescription

// MARK: - Products
let products: [Product] = [
    .executable(name: "nnx", targets: ["nnx"]),
    .library(name: "NNCore", targets: ["NNCore"]),
    .library(name: "NNRender", targets: ["NNRender"]),
    .library(name: "NNScenario", targets: ["NNScenario"]),
    .library(name: "NNExplorer", targets: ["NNExplorer"]),
]

// MARK: - Kernels
// The hot loops (NNKernels) are compiled twice from the same files: for the baseline CPU and, on x86-64,
// for AVX2 ("haswell"; Sources/NNKernelsAVX2 is a link to Sources/NNKernels). Each build is one type, `Build`,
// conforming to `KernelBuild` (NNKernelInterface, compiled once), and NNCore picks the AVX2 build at start-up
// when the CPU has it, so the binary still runs everywhere. The two builds give the same bits: the kernels use
// no fused multiply-adds.
// They are optimised in debug builds too: unoptimised SIMD code is a hundred times slower.
let optimised: SwiftSetting = .unsafeFlags(["-O"], .when(configuration: .debug))
#if arch(x86_64)
let kernelTargets: [Target] = [
    .target(name: "NNKernels", dependencies: ["NNKernelInterface"], swiftSettings: [optimised]),
    .target(name: "NNKernelsAVX2", dependencies: ["NNKernelInterface"],
            swiftSettings: [optimised, .unsafeFlags(["-target-cpu", "haswell"]), .define("NNX_AVX2")]),
]
let kernelDependencies: [Target.Dependency] = ["NNKernelInterface", "NNKernels", "NNKernelsAVX2"]
#else
let kernelTargets: [Target] = [.target(name: "NNKernels", dependencies: ["NNKernelInterface"], swiftSettings: [optimised])]
let kernelDependencies: [Target.Dependency] = ["NNKernelInterface", "NNKernels"]
#endif

// MARK: - Targets
let targets: [Target] = kernelTargets + [
    .target(name: "NNKernelInterface"),
    .target(name: "CCPUFeatures"),
    // The digits' original file sits beside the Swift source generated from it (OptdigitsSyncTests).
    .target(name: "NNCore", dependencies: kernelDependencies + ["CCPUFeatures"], exclude: ["CNN/optdigits-8x8.csv.gz"]),
    // The built-in scenarios are compiled in: the EmbedScenarios plugin runs ScenarioEmbedder on scenarios/*.yaml.
    .target(name: "NNScenario", dependencies: ["NNCore", .product(name: "Yams", package: "Yams")],
            plugins: ["EmbedScenarios"]),
    .executableTarget(name: "ScenarioEmbedder"),
    .plugin(name: "EmbedScenarios", capability: .buildTool(), dependencies: ["ScenarioEmbedder"],
            path: "Sources/EmbedScenarios"),
    .target(name: "NNRender"),
    .target(name: "NNExplorer", dependencies: ["NNCore", "NNScenario", "NNRender"]),
    .systemLibrary(name: "CNCurses", path: "Sources/CNCurses"),
    // The wide-character curses library is libncursesw on Linux and libncurses on macOS.
    .target(name: "NNTerminal", dependencies: ["NNRender", "CNCurses"],
            linkerSettings: [.linkedLibrary("ncursesw", .when(platforms: [.linux])), .linkedLibrary("ncurses", .when(platforms: [.macOS]))]),
    .executableTarget(name: "nnx", dependencies: [
        "NNExplorer", "NNTerminal", "NNScenario", "NNCore", "NNRender",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
    ]),
]

// MARK: - Tests
let snapshotTesting: Target.Dependency = .product(name: "SnapshotTesting", package: "swift-snapshot-testing")
let tests: [Target] = [
    .testTarget(name: "NNCoreTests", dependencies: ["NNCore"] + kernelDependencies),
    .testTarget(name: "NNScenarioTests", dependencies: ["NNScenario", "NNCore", "ScenarioEmbedder"]),
    .testTarget(name: "NNRenderTests", dependencies: ["NNRender"]),
    .testTarget(name: "NNExplorerTests", dependencies: ["NNExplorer", "NNScenario", "NNCore", "NNRender", snapshotTesting],
                exclude: ["__Snapshots__"]),
    .testTarget(name: "NNTerminalTests", dependencies: ["NNTerminal", "NNRender"]),
    .testTarget(name: "nnxTests", dependencies: ["nnx"]),
]

let package = Package(
    name: "nnx",
    platforms: [.macOS(.v15)],
    products: products,
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", exact: "1.19.7"),
    ],
    targets: targets + tests
)
