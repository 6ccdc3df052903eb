import NNRender
import NNScenario

extension CNNExplorer: Explorer {
    static var minimum: Size { CNNLayout.minimum }
    var trainingFinished: Bool { trainer.map { $0.status.isFinished } ?? true }

    mutating func update(_ msg: Msg, context: ViewContext) -> ScreenOutcome {
        updateDrawing(&self, msg, context: context) ? .none : updateCNN(&self, msg)
    }

    func view(_ context: ViewContext, into frame: inout Frame) {
        viewCNN(self, size: context.size, glyphs: context.glyphs, theme: context.theme, panelsHidden: context.panelsHidden,
                keyHints: context.keyHints, focus: context.focus, screen: context.screen, into: &frame)
    }

    var help: HelpOverlay { HelpOverlay(title: "keys: convolutional network", hints: cnnKeyMap.helpHints(self)) }

    mutating func step(_ unit: StepUnit) {
        switch unit {
        case .cell: stepWindow()
        case .batch: stepBatch()
        case .visit: break   // the scenario reader admits visit for a perceptron only
        default: stepEpoch()
        }
    }

    mutating func apply(_ setting: LessonSetting) {
        switch setting {
        case .pooling(let kind): setPooling(kind)
        case .pool(let layer): replacePooling { _, _, _ in layer }
        case .shift(let right, let down): setShift(InputShift(right: right, down: down))
        case .image(let index): setProbe(index)
        case .sharedScale(let shared): setSharedScale(shared)
        case .dropout(let p): setDropout(p)
        default: break   // the scenario reader admits only the settings of the lesson's model
        }
    }

    mutating func open(_ panel: LessonPanel?) {
        switch panel {
        case .confusion: showConfusionMatrix()
        case .window: if window == nil { toggleWindow() }
        case .maps:
            // The sliding window, the shift view and the counts take the maps' place: back to the maps, from
            // the stages when not all fit.
            closeViews()
            showMaps(fromInput: false)
        case .shift: if shift == nil { toggleShift() }
        case .parameters: if !showParameters { toggleParameters() }
        case .curves: if showConfusion { toggleConfusion() }   // the matrix had taken the curves' place
        default: break
        }
    }

    /// A hand-set network's panel lists only its shapes, while its maps need every column.
    func hidesPanelsInLesson(focus: LessonPanel?, width: Int) -> Bool { cnnLessonHidesPanel(self, focus: focus, width: width) }

    func box(of panel: LessonPanel, _ context: ViewContext) -> Rect? {
        let boxes = CNNLayout(self, size: context.size, panelsHidden: context.panelsHidden)
        return switch panel {
        case .maps, .window, .shift, .parameters: boxes.mapsBox
        case .output, .curves, .confusion: boxes.panelBox
        default: nil
        }
    }
}
