import Yams

/// Collects the problems found while reading a scenario. Reading goes on after a problem so that the one
/// reported is the first in document order, whichever block the reader happened to look at first.
final class Diagnostics {
    let file: String
    private var problems: [(order: SortPosition, error: ScenarioError)] = []

    init(file: String) { self.file = file }

    var isEmpty: Bool { problems.isEmpty }

    /// The first problem in document order (the earliest reported among equals).
    var first: ScenarioError? {
        problems.enumerated().min { a, b in
            (a.element.order, a.offset) < (b.element.order, b.offset)
        }?.element.error
    }

    /// Every problem, in document order.
    var all: [ScenarioError] {
        problems.enumerated().sorted { a, b in
            (a.element.order, a.offset) < (b.element.order, b.offset)
        }.map(\.element.error)
    }

    /// A problem at `mark` in this file.
    func report(_ message: String, at mark: Mark?) {
        let position = SortPosition(mark)
        report(ScenarioError(file: file, line: position.line, column: position.column, message: message),
               sortedAt: position)
    }

    /// A problem shown at `mark` but ordered as if found at `order`, e.g. a missing key, which is only known
    /// to be missing once its whole mapping has been read.
    func report(_ message: String, at mark: Mark?, sortedAt order: SortPosition) {
        let position = SortPosition(mark)
        report(ScenarioError(file: file, line: position.line, column: position.column, message: message),
               sortedAt: order)
    }

    /// A problem located elsewhere (a bad row of a CSV file), ordered where the scenario refers to it.
    func report(_ error: ScenarioError, sortedAt order: SortPosition) {
        problems.append((order, error))
    }
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

    /// Just after the last node of `node` (its subtree), where a missing key of a mapping is "found".
    static func end(of node: Node) -> SortPosition {
        var last = SortPosition(node.mark)
        func visit(_ node: Node) {
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
