import Yams

/// Collects the problems found while reading a scenario. Reading goes on after a problem so that the one
/// reported is the first in document order, whichever block the reader happened to look at first. Only the
/// first `limit` in document order are kept (a file of 100,000 unknown keys is read in well under a second
/// and reported in a screenful); `dropped` counts the rest.
final class Diagnostics {
    let file: String
    private var problems: [(order: SortPosition, error: ScenarioError)] = []
    /// Problems found beyond the `limit` kept.
    private(set) var dropped = 0
    static let limit = 100

    init(file: String) { self.file = file }

    var isEmpty: Bool { problems.isEmpty }

    /// The first problem in document order (the earliest reported among equals).
    var first: ScenarioError? {
        problems.enumerated().min { a, b in
            (a.element.order, a.offset) < (b.element.order, b.offset)
        }?.element.error
    }

    /// Every problem kept, in document order; past the limit, the last says how many more there are.
    var all: [ScenarioError] {
        var sorted = problems.enumerated().sorted { a, b in
            (a.element.order, a.offset) < (b.element.order, b.offset)
        }.map(\.element.error)
        if dropped > 0, var more = sorted.last {
            more.message = "\(dropped) more problem\(dropped == 1 ? "" : "s") after this one \(dropped == 1 ? "is" : "are") not listed"
            sorted.append(more)
        }
        return sorted
    }

    /// A problem at `mark` in this file (its message made only if it is kept).
    func report(_ message: @autoclosure () -> String, at mark: Mark?) {
        let position = SortPosition(mark)
        report(ScenarioError(file: file, line: position.line, column: position.column, message: message()), sortedAt: position)
    }

    /// A problem shown at `mark` but ordered as if found at `order`, e.g. a missing key, which is only known
    /// to be missing once its whole mapping has been read.
    func report(_ message: @autoclosure () -> String, at mark: Mark?, sortedAt order: SortPosition) {
        let position = SortPosition(mark)
        report(ScenarioError(file: file, line: position.line, column: position.column, message: message()), sortedAt: order)
    }

    /// A problem located elsewhere (a bad row of a CSV file), ordered where the scenario refers to it.
    func report(_ error: @autoclosure () -> ScenarioError, sortedAt order: SortPosition) {
        guard problems.count >= Self.limit else { return problems.append((order, error())) }
        // Full: the new one takes the place of the last kept, if it comes before it (most come after).
        dropped += 1
        let last = lastKept ?? problems.indices.max { problems[$0].order < problems[$1].order }!
        lastKept = last
        if order < problems[last].order {
            problems[last] = (order, error())
            lastKept = nil
        }
    }

    /// Where the last problem in document order is kept, once the limit is reached (nil: to be found again).
    private var lastKept: Int?
}

/// A place in the document used only to order problems; `afterward` sorts just after everything at that mark.
struct SortPosition: Comparable {
    var line: Int
    var column: Int
    var afterward = false

    init(_ mark: Mark?, afterward: Bool = false) {
        line = mark?.line ?? 1
        column = mark?.column ?? 1
        self.afterward = afterward
    }

    static func < (a: SortPosition, b: SortPosition) -> Bool {
        (a.line, a.column, a.afterward ? 1 : 0) < (b.line, b.column, b.afterward ? 1 : 0)
    }

    /// Just after the last node of `node` (its subtree), where a missing key of a mapping is "found". A node
    /// an alias repeats is visited once (aliases can repeat a subtree exponentially often).
    static func end(of node: Node) -> SortPosition {
        var last = SortPosition(node.mark)
        var seen = Set<NodePlace>()
        func visit(_ node: Node) {
            guard seen.insert(NodePlace(node)).inserted else { return }
            let here = SortPosition(node.mark)
            if last < here { last = here }
            switch node {
            case .mapping(let mapping): for (key, value) in mapping { visit(key); visit(value) }
            case .sequence(let sequence): sequence.forEach(visit)
            case .scalar, .alias: break
            }
        }
        visit(node)
        last.afterward = true
        return last
    }
}

/// Where a node starts and what it is: the same for a node and every copy of it an alias makes, different for
/// any two nodes written in the file.
struct NodePlace: Hashable {
    var line: Int, column: Int, kind: Int

    init(_ node: Node) {
        line = node.mark?.line ?? 0
        column = node.mark?.column ?? 0
        kind = switch node { case .scalar: 0; case .mapping: 1; case .sequence: 2; case .alias: 3 }
    }
}
