import Synchronization
import NNRender
import NNScenario

enum LessonAction { case next, previous, goTo, explore, help, back, hidePanels, nextTheme }

let lessonKeyMap = KeyMap<LessonPlayer, LessonAction>(bindings: [
    KeyBinding([.right, .character(" ")], "→ space", label: { $0.atEnd ? "end" : "next" }, help: "play the next beat",
               essential: true, .next),
    KeyBinding([.left], "←", "back", help: "back one beat (replayed from the start, so exactly as it was)",
               enabled: { $0.position > 0 }, essential: true, .previous),
    KeyBinding([.character("g")], "g", "go to", help: "go to beat N: type its number, then Enter", .goTo),
    KeyBinding([.escape], "Esc", "explore", help: "leave the lesson and explore freely from here", essential: true, .explore),
    KeyBinding([.character("h")], "h", "panels", help: "hide / show the side panels (a bigger picture, less clutter)", .hidePanels),
    KeyBinding([.character("C")], "C", "colours", help: "the next colour theme: standard, high-contrast, light, 8-color, monochrome",
               inBar: { _ in false }, .nextTheme),
    KeyBinding([.character("?")], "?", "help", help: "show this help", essential: true, .help),
    KeyBinding([.character("q")], "q", "back", help: "back to the list (quit when started on this file)", essential: true, .back),
])

/// Where a lesson's parts go: the explorer on top, the narration under it (over the explorer's own key bar,
/// which does not apply in a lesson), the lesson's bar at the bottom.
struct LessonLayout {
    static let narrationRows = 2...6
    let explorerSize: Size
    let narration: Rect
    let barRow: Int

    /// Rows of an explorer's minimum height that long narration may take (its key bar, hidden here anyway,
    /// and two of its picture's): the words matter more than a slightly smaller plot.
    static let squeeze = 3

    init(size: Size, explorerMinimum: Size, wantedRows: Int) {
        let room = max(Self.narrationRows.lowerBound, size.height - explorerMinimum.height + Self.squeeze)
        let rows = min(Self.narrationRows.upperBound, room, max(Self.narrationRows.lowerBound, wantedRows))
        explorerSize = Size(width: size.width, height: size.height - rows)
        narration = Rect(x: 0, y: size.height - 1 - rows, width: size.width, height: rows)
        barRow = size.height - 1
    }

    /// The smallest terminal a lesson on an explorer with `minimum` fits.
    static func minimum(explorer minimum: Size) -> Size {
        Size(width: minimum.width, height: minimum.height + narrationRows.lowerBound)
    }
}

func updateLesson(_ lesson: inout LessonPlayer, _ msg: Msg) -> ScreenOutcome {
    guard case .key(let key) = msg else { return .none }
    if let typed = lesson.goTo {
        switch key {
        case .character(let c) where c.isNumber && typed.count < 4: lesson.goTo = typed + String(c)
        case .backspace: lesson.goTo = String(typed.dropLast())
        case .enter:
            lesson.goTo = nil
            if let n = Int(typed) { lesson.go(to: n) }
        default: lesson.goTo = nil   // Esc or anything else cancels
        }
        return .none
    }
    guard let action = lessonKeyMap.action(for: key, in: lesson) else { return .none }
    switch action {
    case .next:
        if lesson.atEnd { return .flash("the end of the lesson: Esc explores from here, q goes back") }
        lesson.next()
    case .previous: lesson.previous()
    case .goTo: lesson.goTo = ""
    case .explore: return .explore
    case .help: return .help
    case .hidePanels: return .togglePanels
    case .nextTheme: return .nextTheme
    case .back: return .back
    }
    return .none
}

/// How a lesson's frame is laid out: the explorer's area and narration band, whether the explorer's side
/// panels are hidden, and the box of the panel the beat is about (nil when none, or when it has no place).
struct LessonPicture {
    let layout: LessonLayout
    let panelsHidden: Bool
    let focusBox: Rect?

    init(_ lesson: LessonPlayer, size: Size, glyphs g: Glyphs, panelsHidden: Bool = false) {
        // One band height for the whole lesson (its longest narration), so the picture does not jump a row
        // between beats.
        let wanted = lesson.narrationRows.rows(width: size.width - 2, glyphs: g)
        layout = LessonLayout(size: size, explorerMinimum: explorerMinimum(lesson.explorer), wantedRows: wanted)
        let hidden = panelsHidden || lesson.explorer.explorer?.hidesPanelsInLesson(focus: lesson.focus, width: size.width) == true
        self.panelsHidden = hidden
        let context = ViewContext(size: layout.explorerSize, glyphs: g, theme: .standard, panelsHidden: hidden, keyHints: false,
                                  focus: lesson.focus, screen: size)
        focusBox = lesson.focus.flatMap { panel in lesson.explorer.explorer?.box(of: panel, context) }
    }
}

func viewLesson(_ lesson: LessonPlayer, size: Size, glyphs g: Glyphs, theme: Theme, panelsHidden: Bool = false, into frame: inout Frame) {
    let words = narrationWords(lesson.narration ?? "", glyphs: g)
    let arranged = LessonPicture(lesson, size: size, glyphs: g, panelsHidden: panelsHidden)
    let layout = arranged.layout, panelsHidden = arranged.panelsHidden, focusBox = arranged.focusBox
    var picture = Frame(size: layout.explorerSize)
    lesson.explorer.explorer?.view(ViewContext(size: layout.explorerSize, glyphs: g, theme: theme, panelsHidden: panelsHidden,
                                               keyHints: false, focus: lesson.focus, screen: size), into: &picture)
    for row in 0..<picture.height {
        for column in 0..<picture.width { frame[column, row] = picture[column, row] }
    }
    if let box = focusBox { emphasiseBorder(box, in: &frame) }
    // The narration.
    frame.fill(layout.narration, with: Cell(" ", style: Style(.plain)))
    let lines = wrapWords(words, width: layout.narration.width - 2)
    for (i, line) in lines.prefix(layout.narration.height).enumerated() {
        var shown = line
        if i == layout.narration.height - 1, lines.count > layout.narration.height {
            shown = shown.truncated(to: max(0, layout.narration.width - 4), glyphs: g)
            shown.spans.append(Span(g.unicode ? " …" : " ...", Style(.dim)))
        }
        frame.put(shown, column: 1, row: layout.narration.y + i)
    }
    if lines.isEmpty {
        frame.put(Line(g.fold("→ or space plays the first beat"), Style(.dim)), column: 1, row: layout.narration.y)
    }
    // The emphasised panel named in words, in the band's lowest corner the narration leaves free (an empty
    // row first). The bar below is for keys only: the script's own tags ("focus: update · step: sample")
    // read like keys there.
    if let box = focusBox, box.width > 0, box.height > 0, let panel = focusCaption(lesson.focus) {
        let caption = Line(g.fold("look at \(panel)"), Style(.dim))
        let rows = lines.prefix(layout.narration.height).map { $0.width + 1 } + [Int](repeating: 0, count: max(0, layout.narration.height - lines.count))
        let fits = { (i: Int) in size.width - 1 - rows[i] - 2 >= caption.width }
        if let free = rows.indices.reversed().first(where: { rows[$0] == 0 && fits($0) }) ?? rows.indices.reversed().first(where: fits) {
            frame.put(caption, column: size.width - 1 - caption.width, row: layout.narration.y + free)
        }
    }
    // The bar: where the lesson stands, then its keys.
    let beat = "beat \(lesson.position) of \(lesson.beatCount)" + (lesson.atEnd ? " (end)" : "")
    let asking = lesson.goTo.map { " go to beat: \($0)_ (Enter, Esc) " }
    var left = Line([Span(" " + beat + " ", Style(.emphasis))])
    if let asking { left.spans.append(Span(asking, Style(.emphasis))) }
    frame.put(left.truncated(to: size.width, glyphs: g), column: 0, row: layout.barRow)
    let hints = KeyHintBar(hints: lessonKeyMap.barHints(lesson))
    hints.render(into: &frame, row: layout.barRow, area: Rect(x: left.width + 1, y: layout.barRow, width: max(0, size.width - left.width - 1), height: 1),
                 glyphs: g)
}

/// A `focus:` panel in a student's words.
func focusCaption(_ panel: LessonPanel?) -> String? {
    guard let panel else { return nil }
    return switch panel {
    case .plot: "the plot"
    case .update, .ledger: "the update panel"
    case .regions: "the decision regions"
    case .curves: "the loss curves"
    case .network: "the network"
    case .restarts: "the restarts"
    case .momentum: "the runs side by side"
    case .surface: "the error surface"
    case .maps: "the feature maps"
    case .window: "the sliding window"
    case .output: "the probabilities"
    case .confusion: "the confusion matrix"
    case .parameters: "the parameter counts"
    case .shift: "the shifted input"
    case .hidden: "the hidden plane"
    }
}

/// Draws the border of `box` in the emphasis colour, bold (the panel a lesson is about).
private func emphasiseBorder(_ box: Rect, in frame: inout Frame) {
    let style = Style(.emphasis, attributes: [.bold])
    for column in box.x..<box.maxX {
        for row in [box.y, box.maxY - 1] where frame.contains(column: column, row: row) {
            if frame[column, row].style.foreground == .border { frame[column, row].style = style }
        }
    }
    for row in box.y..<box.maxY {
        for column in [box.x, box.maxX - 1] where frame.contains(column: column, row: row) {
            if frame[column, row].style.foreground == .border { frame[column, row].style = style }
        }
    }
}

/// The narration's words, `**bold**` ones marked.
func narrationWords(_ text: String, glyphs g: Glyphs) -> [Span] {
    var words: [Span] = []
    var bold = false
    for piece in g.fold(text).split(separator: " ", omittingEmptySubsequences: true) {
        var word = String(piece)
        var startsBold = bold
        if word.hasPrefix("**") { bold = true; startsBold = true; word.removeFirst(2) }
        var endsBold = false
        if word.hasSuffix("**") { endsBold = true; word.removeLast(2) }
        // "**" inside a word (e.g. "**w**,") closes there.
        if let close = word.range(of: "**") { word.removeSubrange(close); endsBold = true }
        words.append(Span(word, startsBold || bold ? Style(.emphasis, attributes: [.bold]) : Style(.plain)))
        if endsBold { bold = false }
    }
    return words
}

/// Words into lines of at most `width` columns (a longer word is cut).
func wrapWords(_ words: [Span], width: Int) -> [Line] {
    guard width > 0 else { return [] }
    var lines: [Line] = []
    var current = Line([])
    for word in words {
        let needed = current.width == 0 ? word.text.count : current.width + 1 + word.text.count
        if needed > width, current.width > 0 {
            lines.append(current)
            current = Line([])
        }
        if current.width > 0 { current.spans.append(Span(" ", Style(.plain))) }
        current.spans.append(Span(String(word.text.prefix(width)), word.style))
    }
    if current.width > 0 { lines.append(current) }
    return lines
}

/// The rows a lesson's longest narration wraps to at a width, worked out once a width and kept: every frame
/// needs it, and going through a lesson of hundreds of beats at every frame made recording it quadratic.
final class NarrationRows: Sendable {
    private let texts: [String]
    private let known = Mutex<[Int: Int]>([:])

    init(_ beats: [LessonBeat]) {
        var seen = Set<String>()
        texts = beats.compactMap { beat in
            guard case .say(let text) = beat, seen.insert(text).inserted else { return nil }
            return text
        }
    }

    func rows(width: Int, glyphs g: Glyphs) -> Int {
        let key = 2 * width + (g.unicode ? 1 : 0)
        if let rows = known.withLock({ $0[key] }) { return rows }
        let rows = texts.reduce(1) { max($0, wrapWords(narrationWords($1, glyphs: g), width: width).count) }
        known.withLock { $0[key] = rows }
        return rows
    }
}
