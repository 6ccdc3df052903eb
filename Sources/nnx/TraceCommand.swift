import ArgumentParser
import NNCore
import NNScenario

struct Trace: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print JSON Lines: per sample visit (perceptron), per epoch (MLP), per stage and per epoch (CNN), "
            + "per point (threshold network).",
        discussion: """
            A perceptron writes one record per sample visit, until an error-free epoch or N epochs (weights \
            that cycle do not stop it; nnx train and the screen say they cycle); an MLP one per epoch \
            (layers[l][i][j], row 0 = bias), and --per-sample adds one per update with its deltas and weight \
            changes (with dropout, last, "dropped":[[…]]: 1 for each dropped hidden unit, a list per hidden \
            layer); a CNN first one per stage \
            output for the probe image (L counts the cnn: layers list from 0), then, when the network ends in \
            softmax, one per epoch (--epochs 0 gives the stage records only). With a learning_rate_schedule an \
            MLP epoch record adds "learning_rate":η (the epoch's η) before "layers"; an MLP's per-update "x" is \
            its input features' values; under task: regression "accuracy" and "val_accuracy" are null. The records:

            {"model":"perceptron","epoch":E,"step":S,"index":I,"x":[x1,x2],"y":±1,"v":v,"yhat":±1,"error":e,\
            "w_before":[w0,w1,w2],"w_after":[w0,w1,w2]}
            {"model":"mlp","epoch":E,"loss":…,"accuracy":…,"val_loss":…,"val_accuracy":…,"layers":[[[…]]]}
            After early stopping, a last MLP record gives the weights the network keeps, those of the best epoch B:
            {"model":"mlp","epoch":B,"restored":true,"stopped_at":E,"loss":…,…,"layers":[[[…]]]}
            {"model":"cnn","layer":L,"kind":"conv","shape":[C,H,W],"values":[[[…]]]}
            {"model":"cnn","epoch":E,"loss":…,"accuracy":…,"test_accuracy":…}
            A threshold network (model threshold: weights set by hand, nothing trained) writes one record per \
            point, its hidden units' nets and signs and the output's:
            {"model":"threshold","index":I,"x":[x1,x2],"y":±1,"hidden_net":[…],"hidden":[±1,…],"output_net":v,"yhat":±1}
            """)

    @Argument(help: "A scenario file, or a built-in scenario's name.")
    var file: String

    @Option(name: .customLong("epochs"), parsing: .unconditional,
            help: ArgumentHelp("Stop after this many epochs, instead of the scenario's max_epochs (CNN: 0 for the stage records only).", valueName: "epochs"))
    var epochsText: String?
    var epochs: Int? { epochsText.flatMap { Int($0) } }

    @Flag(name: .long, help: "MLP: also one record per update (sample or mini-batch).")
    var perSample = false

    @OptionGroup var probe: ProbeOption

    func validate() throws {
        if let epochsText { _ = try parseCount(epochsText, flag: "--epochs") }
    }

    func run() throws {
        let scenario = try probe.applied(to: loadScenario(file))
        var output = BufferedOutput()
        switch scenario.model {
        case .perceptron: tracePerceptron(scenario, &output)
        case .mlp: traceMLP(scenario, &output)
        case .cnn: traceCNN(scenario, &output)
        case .threshold: traceThreshold(scenario, &output)
        }
        output.flush()
    }

    private func tracePerceptron(_ scenario: Scenario, _ output: inout BufferedOutput) {
        var settings = scenario.perceptron
        if let epochs { settings.maxEpochs = max(1, epochs) }   // --epochs replaces the scenario's cap
        settings.stopsAtCycle = false   // the contract: until an error-free epoch or N epochs
        var trainer = PerceptronTrainer(samples: scenario.dataset().samples, settings: settings, seed: scenario.seed)
        let limit = epochs ?? settings.maxEpochs
        while trainer.epoch < limit || trainer.positionInEpoch != 0, let event = trainer.step() {
            output.write(event.traceRecord)
        }
    }

    private func traceMLP(_ scenario: Scenario, _ output: inout BufferedOutput) {
        var settings = scenario.mlp
        if let epochs { settings.maxEpochs = max(1, epochs) }
        var trainer = MLPTrainer(samples: scenario.dataset().samples, settings: settings, seed: scenario.seed)
        let limit = epochs ?? settings.maxEpochs
        if perSample { output.write(trainer.initialTraceRecord) }
        while trainer.epoch < limit || trainer.positionInEpoch != 0, !trainer.status.isFinished {
            if perSample {
                guard let update = trainer.step() else { break }
                output.write(update.traceRecord(sizes: trainer.network.sizes))
                if trainer.positionInEpoch == 0, let summary = trainer.history.last {
                    for record in trainer.traceRecords(summary) { output.write(record) }
                }
            } else {
                guard let summary = trainer.runEpoch() else { break }
                for record in trainer.traceRecords(summary) { output.write(record) }
            }
        }
    }
}

extension Trace {
    /// A CNN: one record per stage output for the probe image (with the first weights), then, when the network
    /// trains, one record per epoch.
    fileprivate func traceCNN(_ scenario: Scenario, _ output: inout BufferedOutput) {
        guard let cnn = scenario.cnn else { return }
        let network = cnn.network(seed: scenario.seed)
        for (l, tensor) in network.forward(cnn.probeImage).dropFirst().enumerated() {
            output.write(tensor.traceRecord(layer: l, kind: network.layers[l].kind))
        }
        guard cnn.trains else { return }
        var settings = cnn.training
        if let epochs { settings.maxEpochs = max(1, epochs) }
        guard (epochs ?? settings.maxEpochs) > 0 else { return }
        var trainer = CNNTrainer(images: cnn.images, network: network, settings: settings, seed: scenario.seed)
        while let summary = trainer.runEpoch() { output.write(summary.traceRecord) }
    }
}

extension Trace {
    /// A threshold network (weights set by hand, nothing trained): one record per point, in the data's order.
    fileprivate func traceThreshold(_ scenario: Scenario, _ output: inout BufferedOutput) {
        guard let network = scenario.threshold else { return }
        for (i, s) in scenario.dataset().samples.enumerated() {
            output.write(network.forward(s.x1, s.x2).traceRecord(index: i, x1: s.x1, x2: s.x2, y: s.signedTarget))
        }
    }
}

/// Lines to stdout in 64 KiB writes (traces run to millions of lines).
struct BufferedOutput {
    private var buffer = ""
    mutating func write(_ line: String) {
        buffer += line + "\n"
        if buffer.utf8.count > 1 << 16 { flush() }
    }
    mutating func flush() {
        print(buffer, terminator: "")
        buffer = ""
    }
}
