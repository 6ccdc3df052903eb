import Yams

/// YAML aliases repeat what an anchor names; nested, ten aliases a level repeat a value 10⁸ times in a 400-byte
/// file. Before a scenario is read, the values its aliases make are counted (each node written in the file
/// counted once with its size, so in time linear in the file), and more than `limit` is an error at the first
/// key whose value holds too many.
enum AliasExpansion {
    static let limit = 1_000_000

    static func check(_ root: Node, file: String) throws(ScenarioError) {
        var sizes: [NodePlace: Int] = [:]
        guard size(of: root, &sizes) > limit else { return }
        if case .mapping(let mapping) = root {
            for (key, value) in mapping where size(of: value, &sizes) > limit {
                throw ScenarioError(file: file, line: key.mark?.line ?? 1, column: key.mark?.column ?? 1,
                                    message: "\(key.scalarText): aliases expand this value to more than \(limit) values (nnx reads at most that many)")
            }
        }
        throw ScenarioError(file: file, line: 1, column: 1, message: "aliases expand this file to more than \(limit) values (nnx reads at most that many)")
    }

    /// Nodes in `node` with every alias expanded, counted up to just past `limit`.
    private static func size(of node: Node, _ sizes: inout [NodePlace: Int]) -> Int {
        let place = NodePlace(node)
        if let known = sizes[place] { return known }
        var total = 1
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping where total <= limit { total += size(of: key, &sizes) + size(of: value, &sizes) }
        case .sequence(let sequence):
            for item in sequence where total <= limit { total += size(of: item, &sizes) }
        case .scalar, .alias: break
        }
        total = min(total, limit + 1)
        sizes[place] = total
        return total
    }
}
