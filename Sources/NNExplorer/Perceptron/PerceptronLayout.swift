import NNRender

/// Where each part of the perceptron screen goes for a terminal size. `view` draws with it and `update` maps
/// mouse clicks with it, so a click lands on the point it was aimed at.
struct PerceptronLayout {
    static let minimum = Size(width: 64, height: 20)

    let size: Size
    let titleRow: Int
    let hintRow: Int
    let plotBox: Rect
    let panelBox: Rect

    /// `panelsHidden`: the plot takes the whole width (the side panel is an empty rectangle on the right edge).
    init(size: Size, panelsHidden: Bool = false) {
        self.size = size
        titleRow = 0
        hintRow = size.height - 1
        let body = Rect(x: 0, y: 1, width: size.width, height: size.height - 2)
        let panelWidth = panelsHidden ? 0 : min(54, max(38, size.width * 9 / 20))
        let (left, right) = body.splitLeft(size.width - panelWidth)
        plotBox = left
        panelBox = right
    }

    func mapping(_ explorer: PerceptronExplorer) -> PlotMapping {
        plot(explorer).mapping(in: plotBox.inset(1))
    }

    func plot(_ explorer: PerceptronExplorer) -> ScatterPlot {
        ScatterPlot(xRange: explorer.xRange, yRange: explorer.yRange)
    }
}
