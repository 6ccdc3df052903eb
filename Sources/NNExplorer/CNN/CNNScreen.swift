import NNCore
import NNRender
import NNScenario

/// `keyHints`: hints naming this screen's keys (off in a lesson, whose keys differ); `focus`: the panel a
/// lesson is about (`curves` or `confusion` get the side panel's room before the probabilities); `screen`:
/// the whole terminal, when this screen is part of it (a lesson), for the size that shows what does not fit.
func viewCNN(_ p: CNNExplorer, size: Size, glyphs g: Glyphs, theme: Theme, panelsHidden: Bool = false, keyHints: Bool = true,
             focus: LessonPanel? = nil, screen: Size? = nil, into frame: inout Frame) {
    let layout = CNNLayout(p, size: size, panelsHidden: panelsHidden)
    drawTitleLine(p.scenario.title, epoch: p.trainer?.epoch ?? 0, step: p.trainer?.steps ?? 0,
                  playing: p.playing ? "\(p.playback.perSecond) batches/s" : nil, width: size.width, glyphs: g, into: &frame)
    let outputs = p.probeOutputs
    if p.drawing, let canvas = p.canvas {
        drawDrawing(p, canvas, outputs, in: layout.mapsBox, screen: screen ?? size, glyphs: g, shades: theme.shadesWithBackground, into: &frame)
    } else if let window = p.slidingWindow(outputs) {
        drawWindow(p, window, outputs, in: layout.mapsBox, glyphs: g, shades: theme.shadesWithBackground, into: &frame)
    } else if let comparison = p.shiftComparison(outputs) {
        drawShift(p, comparison, in: layout.mapsBox, screen: screen ?? size, glyphs: g, shades: theme.shadesWithBackground, into: &frame)
    } else if p.showParameters {
        drawParameters(p, in: layout.mapsBox, screen: screen ?? size, glyphs: g, into: &frame)
    } else {
        drawStages(p, outputs, in: layout.mapsBox, screen: screen ?? size, glyphs: g, shades: theme.shadesWithBackground, into: &frame)
    }
    if layout.panelBox.width > 0 {
        drawPanel(p, outputs, in: layout.panelBox, screen: screen ?? size, glyphs: g, keyHints: keyHints, focus: focus, into: &frame)
    }
    if let note = p.note {
        frame.put(Line(" \(note) ", Style(.emphasis)).truncated(to: layout.mapsBox.width - 4, glyphs: g),
                  column: layout.mapsBox.x + 2, row: layout.mapsBox.maxY - 1)
    } else if !p.showParameters {
        let legend = Line(" " + g.fold(MatrixHeatmap.legend(shades: theme.shadesWithBackground, glyphs: g)) + " ", Style(.dim))
            .truncated(to: layout.mapsBox.width - 4, glyphs: g)
        frame.put(legend, column: layout.mapsBox.x + 2, row: layout.mapsBox.maxY - 1)
    }
    KeyHintBar(hints: cnnKeyMap.barHints(p)).render(into: &frame, row: layout.hintRow, area: frame.bounds, glyphs: g)
}
