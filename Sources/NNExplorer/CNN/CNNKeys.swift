import NNCore
import NNRender
import NNScenario

/// What the CNN screen's keys do, its key map, and the update that carries them out.
enum CNNAction: SharedActions { case shared(SharedAction), stepBatch, stepEpoch, previousImage, nextImage, nextMistake
    case toggleScale, toggleValues, togglePooling, toggleWindow, windowUp, windowDown, nextKernel, toggleConfusion, nextKernelLayer
    case toggleShift, toggleParameters, cycleDropout, cycleChannel, toggleDrawing, clearDrawing, eraseAtCursor }

let cnnKeyMap = KeyMap<CNNExplorer, CNNAction>(bindings: [
    .playPause(help: "play / pause training (drawing: space paints)", inBar: { $0.trainer != nil && !$0.drawing }),
    KeyBinding([.backspace, .delete], "space Bksp", "paint erase", help: "drawing: paint / erase a dot at the cursor",
               enabled: { $0.drawing }, inBar: { $0.drawing }, .eraseAtCursor),
    KeyBinding([.character("x")], "x", "clear", help: "drawing: clear the canvas", enabled: { $0.drawing }, inBar: { $0.drawing }, .clearDrawing),
    KeyBinding([.character("k")], "k", label: { $0.window == nil ? "window" : "close window" },
               help: "step by step: the first convolution's window over the input, cell by cell (again: close)", .toggleWindow),
    KeyBinding([.character("n")], "n", label: { $0.window == nil ? "batch" : "next cell" },
               help: "train one mini-batch (with the window open: move it to the next cell)",
               enabled: { $0.window != nil || ($0.trainer.map { !$0.status.isFinished } ?? false) },
               inBar: { $0.window != nil || $0.trainer != nil }, .stepBatch),
    KeyBinding([.character("t")], "t", label: { $0.shift == nil ? "shift" : "close shift" },
               help: "shift: the arrows move the input a pixel; every stage of the original and the shifted input side by side, "
                   + "with how much each changed (again: close)", .toggleShift),
    KeyBinding([.up, .down], "↑↓", label: { $0.drawing ? "cursor" : $0.window != nil ? "move" : $0.shift != nil ? "shift" : "maps" },
               help: "the maps from the band above / below, when they do not all fit (window: one row up / down; shift: the input up / down; drawing: the cursor)",
               inBar: { $0.window != nil || $0.shift != nil }) { $0 == .up ? .windowUp : .windowDown },
    KeyBinding([.character("o")], "o", "next kernel", help: "window: the same cell of the next kernel's map; shift: the next kernel's maps",
               enabled: { $0.window != nil || $0.shift != nil }, inBar: { $0.window != nil || $0.shift != nil }, .nextKernel),
    KeyBinding([.character("e")], "e", "epoch", help: "train to the end of the epoch",
               enabled: { $0.trainer.map { !$0.status.isFinished } ?? false }, inBar: { $0.trainer != nil }, .stepEpoch),
    KeyBinding([.left, .right], "←→", label: { $0.drawing ? "cursor" : $0.window != nil ? "move" : $0.shift != nil ? "shift" : "image" },
               help: "previous / next image, the test set while training (window: one column left / right; shift: the input left / right; "
                   + "drawing: the cursor)",
               enabled: { $0.drawing || $0.window != nil || $0.shift != nil || $0.images.count > 1 },
               inBar: { $0.drawing || $0.window != nil || $0.shift != nil || $0.images.count > 1 }) {
        $0 == .left ? .previousImage : .nextImage },
    KeyBinding([.character("w")], "w", "wrong", help: "the next image the network gets wrong",
               enabled: { $0.images.count > 1 && $0.network.endsInSoftmax }, inBar: { $0.images.count > 1 && $0.network.endsInSoftmax },
               .nextMistake),
    KeyBinding([.character("m")], "m", label: { $0.sharedScale ? "per map" : "per stage" },
               help: "colour scale: each map its own / one for all the maps of a stage", .toggleScale),
    KeyBinding([.character("v")], "v", label: { $0.showValues ? "shades" : "values" },
               help: "the input and the kernels as numbers / as shades", .toggleValues),
    KeyBinding([.character("p")], "p", label: { $0.poolingKind == .max ? "mean pool" : "max pool" },
               help: "pooling: switch max / mean (subsampling: to max), on the same maps (hand-set kernels)",
               enabled: { $0.trainer == nil && $0.poolingKind != nil }, inBar: { $0.trainer == nil && $0.poolingKind != nil },
               essential: true, .togglePooling),
    KeyBinding([.character("c")], "c", label: { $0.showConfusion ? "curves" : "confusion" },
               help: "the test set's confusion matrix (the panel widens for it) / the loss curves, when both do not fit",
               enabled: { $0.trainer != nil }, inBar: { $0.trainer != nil }, .toggleConfusion),
    KeyBinding([.character("d")], "d", label: { $0.drawing ? "close draw" : "draw" },
               help: "draw a digit at the input's size, the probe while open: the mouse paints (right button: erases), "
                   + "the arrows move a cursor, space paints and Bksp erases there, x clears (again: close)", .toggleDrawing),
    KeyBinding([.character("K")], "K", "kernels", help: "show the next convolution's kernels (one per output map and input map)",
               enabled: { $0.convolutionLayers.count > 1 }, inBar: { _ in false }, .nextKernelLayer),
    KeyBinding([.character("g")], "g", label: { $0.shownChannel.map { $0 == 2 ? "colour" : CNNExplorer.channelNames[$0 + 1] } ?? "red" },
               help: "a colour input: the picture and colour kernels / red, green, blue alone (the input in grey, that channel's weights)",
               enabled: { $0.colourInput }, inBar: { $0.colourInput }, .cycleChannel),
    .reset(help: "start again from the first weights"),
    .reseed(help: "new seed: new first weights and a new test split (trained networks)", enabled: { $0.trainer != nil }),
    KeyBinding([.character("P")], "P", label: { $0.showParameters ? "close params" : "params" },
               help: "parameters: each stage's weights and multiply-adds, and a fully connected layer's between the same shapes (again: close)",
               .toggleParameters),
    KeyBinding([.character("D")], "D", label: { $0.nextDropoutRate > 0 ? "dropout \(formatNumber($0.nextDropoutRate))" : "no dropout" },
               help: "dropout p before the dense stages: off, 0.1, 0.3, 0.5, from the next batch on (r: train from the start with it)",
               enabled: { $0.trainer != nil && !$0.denseLayers.isEmpty }, inBar: { _ in false }, .cycleDropout),
] + KeyBinding.screenKeys)

func updateCNN(_ p: inout CNNExplorer, _ msg: Msg) -> ScreenOutcome {
    guard case .key(let key) = msg, let binding = cnnKeyMap.binding(for: key) else { return .none }
    guard binding.enabled(p) else {
        p.note = switch binding.action(key) {
        case .togglePooling: p.poolingKind == nil ? "this network has no pooling stage"
            : "a trained network learned with its pooling: change it in the scenario"
        case .nextMistake: p.network.endsInSoftmax ? "one image only: nothing to browse" : "this network does not classify (no softmax)"
        case .previousImage, .nextImage: "one image only: nothing to browse"
        case .shared(.reseed): "hand-set kernels: no random weights to draw"
        case .nextKernel: "press k for the sliding window or t for the shift view first"
        case .clearDrawing, .eraseAtCursor: "press d to draw first"
        case .nextKernelLayer: "one convolution only: its kernels are on screen"
        case .toggleConfusion: "nothing is trained here, so there is no confusion matrix"
        case .cycleChannel: "a grey input has one channel: no colour to take apart"
        case .cycleDropout where p.trainer != nil: "dropout drops the values coming into dense stages, and this network has none"
        default: p.trainer == nil ? "hand-set kernels: nothing to train" : "training finished: r to reset"
        }
        return .none
    }
    p.note = nil
    let action = binding.action(key)
    if p.window != nil {
        // The window takes the moving keys.
        switch action {
        case .stepBatch: p.advanceWindow(); return .none
        case .previousImage: p.moveWindow(rows: 0, columns: -1); return .none
        case .nextImage: p.moveWindow(rows: 0, columns: 1); return .none
        default: break
        }
    }
    if p.shift != nil {
        // So does the shift view: the arrows move the input.
        switch action {
        case .previousImage: p.moveShift(right: -1, down: 0); return .none
        case .nextImage: p.moveShift(right: 1, down: 0); return .none
        case .windowUp: p.moveShift(right: 0, down: -1); return .none
        case .windowDown: p.moveShift(right: 0, down: 1); return .none
        case .nextKernel: p.nextShiftMap(); return .none
        default: break
        }
    }
    switch action {
    case .shared(let shared): return p.perform(shared)
    case .toggleWindow: p.toggleWindow()
    case .windowUp: if p.window == nil { p.scrollMaps(by: -1) } else { p.moveWindow(rows: -1, columns: 0) }
    case .windowDown: if p.window == nil { p.scrollMaps(by: 1) } else { p.moveWindow(rows: 1, columns: 0) }
    case .nextKernel: p.nextWindowMap()
    case .stepBatch: p.stepBatch()
    case .stepEpoch: p.startEpoch()
    case .previousImage: p.moveProbe(by: -1)
    case .nextImage: p.moveProbe(by: 1)
    case .nextMistake: p.nextMistake()
    case .toggleScale: p.toggleSharedScale()
    case .toggleValues: p.toggleValues()
    case .togglePooling: p.togglePooling()
    case .toggleConfusion: p.toggleConfusion()
    case .nextKernelLayer: p.nextKernelLayer()
    case .toggleShift: p.toggleShift()
    case .toggleParameters: p.toggleParameters()
    case .cycleDropout: p.cycleDropout()
    case .cycleChannel: p.cycleChannel()
    case .toggleDrawing: p.toggleDrawing()
    case .clearDrawing: p.clearDrawing()
    case .eraseAtCursor: p.canvas?.dabAtCursor(erase: true)
    }
    return .none
}
