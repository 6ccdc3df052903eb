import NNRender
import NNScenario

extension MLPExplorer: PlaneExplorer {
    static var minimum: Size { MLPLayout.minimum }
    var trainingFinished: Bool { trainer.status.isFinished || trainer.trainingSet.isEmpty }
    var converged: Bool { trainingFinished || trainer.history.last?.accuracy == 1 }

    mutating func update(_ msg: Msg, context: ViewContext) -> ScreenOutcome {
        updateMLP(&self, msg, layout: MLPLayout(size: context.size, panelsHidden: context.panelsHidden))
    }

    func view(_ context: ViewContext, into frame: inout Frame) {
        viewMLP(self, size: context.size, glyphs: context.glyphs, theme: context.theme, panelsHidden: context.panelsHidden,
                keyHints: context.keyHints, ledgerFocused: context.focus == .ledger, into: &frame)
    }

    var help: HelpOverlay {
        HelpOverlay(title: "keys: multi-layer perceptron", hints: mlpKeyMap.helpHints(self),
                    footer: "click: add/remove a point · right click: class · any key closes")
    }

    mutating func step(_ unit: StepUnit) {
        switch unit {
        case .phase: stepPhase()
        case .sample: stepUpdate()
        case .visit: break   // the scenario reader admits visit for a perceptron only
        default: cancelPhases(); stepEpoch()
        }
    }

    mutating func apply(_ setting: LessonSetting) {
        switch setting {
        case .learningRate(let eta): setLearningRate(eta)
        case .momentum(let alpha): setMomentum(alpha)
        case .weightDecay(let lambda): setWeightDecay(lambda)
        case .dataset(let name): setDataset(named: name)
        case .hiddenUnits(let n): setHiddenUnits(n)
        case .activation(let f): setActivation(f)
        case .earlyStopping(let patience): setPatience(patience)
        case .surfaceError(let error): if surface == nil { toggleSurface() }; setSurfaceError(error)
        case .surfaceWeights(let a, let b): setSurfaceWeights(a, b)
        case .dropout(let p): setDropout(p)
        case .maxNorm(let c): setMaxNorm(c)
        default: break   // the scenario reader admits only the settings of the lesson's model
        }
    }

    mutating func open(_ panel: LessonPanel?) {
        switch panel {
        case .restarts: if restarts == nil { toggleRestarts() }
        case .momentum: if momentumRuns == nil { toggleMomentumRuns() }
        case .surface: if surface == nil { toggleSurface() }
        default: break
        }
    }

    /// Below 100 columns a lesson about the error surface gives it the panels' width: its numbers are in it.
    func hidesPanelsInLesson(focus: LessonPanel?, width: Int) -> Bool { focus == .surface && width < 100 }

    func box(of panel: LessonPanel, _ context: ViewContext) -> Rect? {
        let boxes = MLPLayout(self, size: context.size, panelsHidden: context.panelsHidden, glyphs: context.glyphs,
                              ledgerFocused: context.focus == .ledger)
        return switch panel {
        case .regions, .restarts, .momentum, .surface: boxes.plotBox
        case .curves: boxes.lossBox
        case .network: boxes.networkBox
        case .ledger: boxes.ledgerBox
        default: nil
        }
    }
}
