import NNCore
import NNRender
import NNScenario

/// An explorer of labelled points in the plane, the perceptron's and the MLP's: they share the data
/// choice (`d`), the seed, η (`[`/`]`) and the title line.
protocol PlaneExplorer: Explorer {
    var scenario: Scenario { get }
    var data: DataSelection { get set }
    var dataset: Dataset { get }
    /// The η steps `[` and `]` move through.
    static var learningRates: [Double] { get }
    var learningRate: Double { get }
    mutating func setLearningRate(_ eta: Double)
    /// Starts training again on the data `data` selects now.
    mutating func loadData()
}

extension PlaneExplorer {
    var seed: UInt64 { data.seed }
    var dataChoice: DataChoice { data.choice }

    /// The next choice whose data differs from the scenario's own (perceptron-and's first `d` would show
    /// the AND table again under another name, and look as if nothing happened).
    mutating func nextDataset() {
        guard data.choices.count > 1 else { note = "this scenario's classes fit only its own data"; return }
        let skipped = data.next(differingFrom: scenario.dataset(seed: seed).samples)
        loadData()
        note = "dataset: \(dataset.name)" + (skipped.isEmpty ? "" : " (\(skipped.joined(separator: ", ")) = scenario's)")
    }

    mutating func changeLearningRate(up: Bool) {
        guard let next = PlotData.step(Self.learningRates, from: learningRate, up: up) else { return }
        setLearningRate(next)
    }

    /// A lesson's `set: dataset`: `scenario` or a built-in set's name; training starts again on it.
    mutating func setDataset(named name: String) {
        guard data.select(named: name) else { note = "this scenario keeps its own data"; return }
        loadData()
        note = "dataset: \(dataset.name)"
    }

    /// What the screen's title line names: the scenario, or `model` on the data chosen instead. In a lesson
    /// (no key hints) the lesson's title stays, with the data it switched to.
    func title(model: String, keyHints: Bool, glyphs g: Glyphs) -> String {
        dataChoice == .scenario ? scenario.title
            : keyHints ? "\(model) on \(dataset.name)" : "\(scenario.title) \(g.middleDot) \(dataset.name)"
    }
}
