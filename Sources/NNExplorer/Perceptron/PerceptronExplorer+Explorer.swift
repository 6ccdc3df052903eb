import NNRender
import NNScenario

extension PerceptronExplorer: PlaneExplorer {
    static var minimum: Size { PerceptronLayout.minimum }
    var trainingFinished: Bool { trainer.status.isFinished || trainer.sampleCount == 0 }

    mutating func update(_ msg: Msg, context: ViewContext) -> ScreenOutcome {
        updatePerceptron(&self, msg, layout: PerceptronLayout(size: context.size, panelsHidden: context.panelsHidden))
    }

    func view(_ context: ViewContext, into frame: inout Frame) {
        viewPerceptron(self, size: context.size, glyphs: context.glyphs, theme: context.theme, panelsHidden: context.panelsHidden,
                       keyHints: context.keyHints, into: &frame)
    }

    var help: HelpOverlay {
        HelpOverlay(title: "keys: perceptron", hints: perceptronKeyMap.helpHints(self),
                    footer: "click: add/remove a point · right click: class · any key closes")
    }

    mutating func resized(_ context: ViewContext) {
        let area = PerceptronLayout(size: context.size, panelsHidden: context.panelsHidden).mapping(self).area
        clampCursor(width: area.width, height: area.height)
    }

    mutating func step(_ unit: StepUnit) {
        switch unit {
        case .visit: showNextVisit()
        case .sample: stepSample()
        default: stepEpoch()
        }
    }

    mutating func apply(_ setting: LessonSetting) {
        switch setting {
        case .learningRate(let eta): setLearningRate(eta)
        case .dataset(let name): setDataset(named: name)
        case .ghost(let on): showGhost = on
        case .weights(let w): setInitialWeights(w)
        default: break   // the scenario reader admits only the settings of the lesson's model
        }
    }

    func box(of panel: LessonPanel, _ context: ViewContext) -> Rect? {
        let boxes = PerceptronLayout(size: context.size, panelsHidden: context.panelsHidden)
        return switch panel {
        case .plot: boxes.plotBox
        case .update: boxes.panelBox
        default: nil
        }
    }
}
