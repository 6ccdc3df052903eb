import NNCore
import NNRender
import NNScenario

/// Where the CNN screen's parts go: the maps (or the sliding window) on the left, the panel on the right.
struct CNNLayout {
    static let minimum = Size(width: 70, height: 22)
    let hintRow: Int
    let mapsBox: Rect, panelBox: Rect

    /// `panelsHidden`: the maps take the whole width (the panel is an empty rectangle); `panelAtLeast`: the
    /// panel's width when what it shows needs more than its share.
    init(size: Size, panelsHidden: Bool = false, panelAtLeast: Int = 0) {
        hintRow = size.height - 1
        let body = Rect(x: 0, y: 1, width: size.width, height: size.height - 2)
        // From 100 columns on, wide enough for a 10-class confusion matrix (33 columns inside).
        let share = min(44, max(size.width >= 100 ? 35 : 30, size.width / 3))
        let panelWidth = panelsHidden ? 0 : min(size.width / 2, max(share, panelAtLeast))
        (mapsBox, panelBox) = body.splitLeft(size.width - panelWidth)
    }

    /// The layout `p` is drawn in: with its confusion matrix shown, the panel takes the matrix's width even
    /// where that is more than its share (80 columns), and the maps give way.
    init(_ p: CNNExplorer, size: Size, panelsHidden: Bool = false) {
        let matrix = p.showConfusion ? p.confusion.map { confusionWidth(classes: $0.count) + 2 } ?? 0 : 0
        self.init(size: size, panelsHidden: panelsHidden, panelAtLeast: matrix)
    }
}

/// Whether a lesson on `p` gives the maps the side panel's width: a hand-set network's panel lists only its
/// shapes, while its maps (four of 16×16 a stage) and the sliding window's maps need every column.
func cnnLessonHidesPanel(_ p: CNNExplorer, focus: LessonPanel?, width: Int) -> Bool {
    p.trainer == nil && (width < 120 || focus == .window)
}
