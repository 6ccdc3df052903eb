import NNRender

/// The whole screen as a pure function of the state and its size.
public func view(_ state: AppState) -> Frame {
    let size = state.size
    var frame = Frame(size: size)
    guard state.fitsTerminal else {
        drawTooSmall(&frame, size: size, minimum: state.minimumSize, glyphs: state.glyphs)
        return frame
    }
    if let explorer = state.screen.explorer {
        explorer.view(state.viewContext, into: &frame)
    } else if let l = state.lesson {
        viewLesson(l, size: size, glyphs: state.glyphs, theme: state.theme, panelsHidden: state.panelsHidden, into: &frame)
    } else {
        viewHome(state, into: &frame)
    }
    if let flash = state.flash {
        // Over the whole bottom row, so no key hint shows cut in half beside it.
        frame.fill(Rect(x: 0, y: size.height - 1, width: size.width, height: 1))
        let line = Line(" \(flash) ", Style(.emphasis, attributes: [.reverse])).truncated(to: size.width, glyphs: state.glyphs)
        frame.put(line, column: max(0, size.width - line.width), row: size.height - 1)
    }
    if state.showHelp { state.help.render(into: &frame, area: frame.bounds, glyphs: state.glyphs) }
    return frame
}

extension AppState {
    /// The `?` overlay of the screen on show, scrolled by `helpScroll`.
    var help: HelpOverlay {
        var help: HelpOverlay
        if let explorer = screen.explorer {
            help = explorer.help
        } else if let l = lesson {
            help = HelpOverlay(title: "keys: lesson \(glyphs.middleDot) \(l.scenario.title)", hints: lessonKeyMap.helpHints(l),
                               footer: "any key closes this help; then Esc explores freely from this beat")
        } else {
            help = HelpOverlay(title: "keys: scenarios", hints: homeKeyMap.helpHints(self))
        }
        help.scroll = helpScroll
        return help
    }
}

/// Below the minimum size: a centred note that starts with the size needed. The longest wording that fits is
/// used; the needed size comes first and stays whole on its row, so even a tiny window shows it (at 1x1
/// only its first character).
private func drawTooSmall(_ frame: inout Frame, size: Size, minimum: Size, glyphs: Glyphs) {
    let rows = tooSmallRows(size: size, minimum: minimum)
    let top = max(0, (size.height - rows.count) / 2)
    for (i, text) in rows.enumerated() {
        frame.putCentered(Line(text, Style(i == 0 ? .warning : .plain)), in: frame.bounds, row: top + i, glyphs: glyphs)
    }
}

func tooSmallRows(size: Size, minimum: Size) -> [String] {
    let need = "\(minimum.width)x\(minimum.height)", now = "\(size.width)x\(size.height)"
    let wordings = [["nnx needs at least \(need)", "this terminal is \(now)", "enlarge the window, or press q"],
                    ["needs at least \(need)", "now \(now)", "enlarge, or press q"],
                    ["needs \(need)", "now \(now)", "q quits"],
                    ["need \(need)", "now \(now)", "q quits"],
                    ["need \(need)", "q quits"],
                    ["need \(need)"],
                    [need]]
    for wording in wordings where wording[0].count <= size.width {
        // The first row whole; the others may wrap at spaces, never inside a word.
        let rows = [wording[0]] + wording.dropFirst().flatMap { wrap($0, width: size.width) }
        if rows.count <= size.height, rows.allSatisfy({ $0.count <= size.width }),
           wording.dropFirst().allSatisfy({ $0.split(separator: " ").allSatisfy { $0.count <= size.width } }) {
            return rows
        }
    }
    return Array(wrap(need, width: size.width).prefix(size.height))
}

extension AppState {
    /// The smallest terminal the current screen can be drawn in.
    public var minimumSize: Size {
        if let lesson { return LessonLayout.minimum(explorer: explorerMinimum(lesson.explorer)) }
        return explorerMinimum(screen)
    }

    public var fitsTerminal: Bool { size.width >= minimumSize.width && size.height >= minimumSize.height }

    /// How the explorer on screen is drawn (outside a lesson).
    var viewContext: ViewContext { ViewContext(size: size, glyphs: glyphs, theme: theme, panelsHidden: panelsHidden) }
}

/// An explorer's first row: what is shown on the left, where training stands on the right (it wins when
/// space is short). `playing` is the speed while playing, nil when paused.
func drawTitleLine(_ title: String, epoch: Int, step: Int, playing: String?, width: Int, glyphs g: Glyphs, into frame: inout Frame) {
    let state = playing.map { Span("\(g.play) playing \($0) ", Style(.playing)) } ?? Span("\(g.pause) paused ", Style(.paused))
    let right = g.fold(Line([Span("   epoch \(epoch) \(g.middleDot) step \(step) \(g.middleDot) "), state]))
    frame.put(Line(" nnx \(g.middleDot) " + title, Style(.title)).truncated(to: max(0, width - right.width), glyphs: g), column: 0, row: 0)
    frame.put(right, column: max(0, width - right.width), row: 0)
}
