import NNRender

/// Where each part of the threshold-network screen goes for a terminal size: the input plane on the left;
/// on the right the network panel and, for two hidden units, the hidden plane under it. `view` draws with
/// it and `update` maps clicks with it.
struct ThresholdLayout {
    static let minimum = Size(width: 64, height: 20)
    /// The hidden plane's box: 7 rows hold a plot of 3 rows (h = −1, 0, +1) and its axis.
    static let hiddenHeights = 7...13

    let size: Size
    let hintRow: Int
    let plotBox: Rect
    let networkBox: Rect
    /// Nil unless there are two hidden units (a plane) and the panels show.
    let hiddenBox: Rect?

    init(size: Size, panelsHidden: Bool = false, hiddenUnits: Int) {
        self.size = size
        hintRow = size.height - 1
        let body = Rect(x: 0, y: 1, width: size.width, height: size.height - 2)
        let panelWidth = panelsHidden ? 0 : min(54, max(38, size.width * 9 / 20))
        let (left, right) = body.splitLeft(size.width - panelWidth)
        plotBox = left
        guard hiddenUnits == 2, panelWidth > 0 else {
            networkBox = right
            hiddenBox = nil
            return
        }
        // The network panel takes the larger part: its formulas come first.
        let hiddenHeight = min(Self.hiddenHeights.upperBound, max(Self.hiddenHeights.lowerBound, (right.height - 4) / 2))
        networkBox = Rect(x: right.x, y: right.y, width: right.width, height: right.height - hiddenHeight)
        hiddenBox = Rect(x: right.x, y: networkBox.maxY, width: right.width, height: hiddenHeight)
    }

    init(_ explorer: ThresholdExplorer, size: Size, panelsHidden: Bool = false) {
        self.init(size: size, panelsHidden: panelsHidden, hiddenUnits: explorer.network.hidden.count)
    }

    func plot(_ explorer: ThresholdExplorer) -> ScatterPlot {
        ScatterPlot(xRange: explorer.xRange, yRange: explorer.yRange)
    }

    func mapping(_ explorer: ThresholdExplorer) -> PlotMapping {
        plot(explorer).mapping(in: plotBox.inset(1))
    }

    /// The hidden plane: h1 across, h2 up, each from −1.5 to 1.5 so that ±1 sit inside.
    static func hiddenPlot() -> ScatterPlot {
        var plot = ScatterPlot(xRange: -1.5...1.5, yRange: -1.5...1.5)
        plot.xLabel = "h1"
        return plot
    }
}
