import NNRender
import NNScenario

extension ThresholdExplorer: Explorer {
    static var minimum: Size { ThresholdLayout.minimum }
    var tickInterval: Int? { nil }
    mutating func tick() {}
    /// Nothing trains, but a step (`n`, a lesson's `step: sample`, `nnx render --steps`) moves to the next
    /// point and always changes the picture, unless there are no points.
    var trainingFinished: Bool { selected == nil }
    var stepCycle: Int? { dataset.samples.count }
    var converged: Bool { true }

    mutating func update(_ msg: Msg, context: ViewContext) -> ScreenOutcome {
        updateThreshold(&self, msg, layout: ThresholdLayout(self, size: context.size, panelsHidden: context.panelsHidden))
    }

    func view(_ context: ViewContext, into frame: inout Frame) { viewThreshold(self, context, into: &frame) }

    var help: HelpOverlay {
        HelpOverlay(title: "keys: threshold network", hints: thresholdKeyMap.helpHints(self),
                    footer: "click: work out that point · any key closes")
    }

    mutating func step(_ unit: StepUnit) { select(by: 1) }   // the reader admits step: sample only

    mutating func apply(_ setting: LessonSetting) {}   // the reader admits no setting: the weights are the scenario's

    func box(of panel: LessonPanel, _ context: ViewContext) -> Rect? {
        let boxes = ThresholdLayout(self, size: context.size, panelsHidden: context.panelsHidden)
        return switch panel {
        case .plot: boxes.plotBox
        case .network: boxes.networkBox
        case .hidden: boxes.hiddenBox
        default: nil
        }
    }
}
