import Foundation

/// Where `images: {idx: {search: NAME}}` and `images: {cifar10: {search: NAME}}` look for a data set's
/// folder, so that a scenario (a built-in above all) need not know where a teacher keeps the files: in
/// order, `$NNX_DATA` itself, then NAME in `$NNX_DATA`, the current folder, `./data`, `~/data` and
/// `~/Downloads`; for IDX files `NAME/raw` before each `NAME`, where torchvision leaves them
/// (`torchvision.datasets.MNIST(root)` writes `root/MNIST/raw/`).
public struct DataSearch: Sendable {
    public var environment: [String: String]
    public var currentDirectory: String

    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                currentDirectory: String = FileManager.default.currentDirectoryPath) {
        self.environment = environment; self.currentDirectory = currentDirectory
    }

    /// The folders tried for NAME, in order (`raw`: also NAME/raw, first).
    public func places(_ name: String, raw: Bool) -> [String] {
        var bases = [currentDirectory, currentDirectory + "/data"]
        if let home = environment["HOME"], !home.isEmpty { bases += [home + "/data", home + "/Downloads"] }
        var places: [String] = []
        if let data = environment["NNX_DATA"], !data.isEmpty {
            places.append(data)
            bases.insert(data, at: 0)
        }
        for base in bases {
            if raw { places.append(base + "/" + name + "/raw") }
            places.append(base + "/" + name)
        }
        return places
    }

    /// The first of `places(name, raw:)` that `holds`, or nil.
    public func first(_ name: String, raw: Bool, holds: (String) -> Bool) -> String? {
        places(name, raw: raw).first(where: holds)
    }

    /// The places as the message lists them, `~` for the home folder.
    public func shown(_ places: [String]) -> String {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
        return places.map { place in
            if let home, place.hasPrefix(home + "/") { return "~" + place.dropFirst(home.count) }
            return place
        }.joined(separator: ", ")
    }
}
