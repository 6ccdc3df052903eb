import NNCore

/// Where the sliding window stands: an output cell of one map of the first convolution.
public struct WindowPosition: Sendable, Hashable {
    public var map: Int, row: Int, column: Int
}

/// Every number of one output cell of the first convolution, then of the non-linearity and the pooling
/// that follow it: what the step-by-step panel writes out.
public struct SlidingWindow: Sendable {
    public struct Term: Sendable, Hashable {
        public var channel: Int, row: Int, column: Int   // kernel row and column (as stored)
        public var weight: Double, input: Double
    }
    public var layer: Int
    public var position: WindowPosition
    public var size: Int, stride: Int, pad: Int
    public var mode: ConvolutionMode
    /// The input rows and columns under the window (before clipping to the image).
    public var top: Int, left: Int
    /// The products that count (window positions in the padding add nothing and are left out).
    public var terms: [Term]
    public var bias: Double
    public var sum: Double
    /// The same kernel in the other mode (correlation for convolution, and back) at this cell, bias included.
    public var otherModeSum: Double
    /// The cells of the map that use this kernel's weights (parameter sharing).
    public var uses: Int
    /// The same kernel at another cell, apart from this window: the map's largest value there.
    public var elsewhere: (row: Int, column: Int, sum: Double)?
    public var activation: (name: String, value: Double)?
    /// The pooling window holding the cell: its cells (row, column, value), its kind and result, and the
    /// pooled cell; nil without a pooling stage, or when the cell falls in no window.
    public var pooling: (kind: PoolingKind, cells: [(row: Int, column: Int, value: Double)], result: Double, row: Int, column: Int)?
}

extension CNNExplorer {
    /// The first convolution's index.
    public var firstConvolution: Int? {
        network.layers.firstIndex { if case .convolution = $0 { true } else { false } }
    }

    /// The numbers of the window's cell, from the network's own outputs for the image on screen.
    public var slidingWindow: SlidingWindow? { slidingWindow(probeOutputs) }

    /// The window's numbers from the outputs for the image on screen already computed (`probeOutputs`).
    func slidingWindow(_ outputs: [Tensor]) -> SlidingWindow? {
        guard let position = window, let l = firstConvolution,
              case .convolution(_, let size, let stride, let padding, let mode) = network.layers[l] else { return nil }
        let input = outputs[l], conv = outputs[l + 1]
        let pad = CNNLayer.padding(padding, size: size)
        let top = position.row * stride - pad, left = position.column * stride - pad
        var terms: [SlidingWindow.Term] = []
        for c in 0..<input.channels {
            for k in 0..<size {
                for m in 0..<size {
                    let y = top + k, x = left + m
                    guard y >= 0, y < input.height, x >= 0, x < input.width else { continue }
                    let weight = network.weights[l][ConvNet.kernelIndex(position.map, c, k, m, input.channels, size, mode)]
                    terms.append(.init(channel: c, row: k, column: m, weight: weight, input: input[c, y, x]))
                }
            }
        }
        let other: ConvolutionMode = mode == .correlation ? .convolution : .correlation
        let otherSum = terms.reduce(network.biases[l][position.map]) { total, t in
            total + network.weights[l][ConvNet.kernelIndex(position.map, t.channel, t.row, t.column, input.channels, size, other)]
                * input[t.channel, top + t.row, left + t.column]
        }
        // The largest value of the map at a window with a pixel's gap from this one (the first on ties).
        var elsewhere: (row: Int, column: Int, sum: Double)?
        for i in 0..<conv.height {
            for j in 0..<conv.width where abs(i - position.row) * stride > size || abs(j - position.column) * stride > size {
                if conv[position.map, i, j] > elsewhere?.sum ?? -.infinity { elsewhere = (i, j, conv[position.map, i, j]) }
            }
        }
        var window = SlidingWindow(layer: l, position: position, size: size, stride: stride, pad: pad, mode: mode, top: top, left: left,
                                   terms: terms, bias: network.biases[l][position.map], sum: conv[position.map, position.row, position.column],
                                   otherModeSum: otherSum, uses: conv.height * conv.width, elsewhere: elsewhere)
        var next = l + 1, maps = conv
        if next < network.layers.count, case .activation(let f) = network.layers[next] {
            maps = outputs[next + 1]
            window.activation = (f.rawValue, maps[position.map, position.row, position.column])
            next += 1
        }
        if next < network.layers.count, case .pooling(let kind, let poolSize, let poolStride, let padding) = network.layers[next] {
            let pooled = outputs[next + 1]
            let pad = CNNLayer.padding(padding, size: poolSize)
            func poolWindow(_ i: Int, _ j: Int) -> (rows: Range<Int>, columns: Range<Int>) {
                ConvNet.poolingWindow(i, j, size: poolSize, stride: poolStride, pad: pad, height: maps.height, width: maps.width)
            }
            // The pooled cell that takes this one: subsampling keeps it only at (s·i, s·j); otherwise the window
            // holding it whose centre is nearest (the first on ties).
            let holding = (0..<pooled.height).flatMap { i in (0..<pooled.width).map { (i, $0) } }.filter { i, j in
                kind == .subsample ? (i * poolStride, j * poolStride) == (position.row, position.column)
                    : poolWindow(i, j).rows.contains(position.row) && poolWindow(i, j).columns.contains(position.column)
            }
            let distance = { (i: Int, j: Int) in abs(2 * (i * poolStride - pad) + poolSize - 1 - 2 * position.row)
                + abs(2 * (j * poolStride - pad) + poolSize - 1 - 2 * position.column) }
            if let (pr, pc) = holding.min(by: { distance($0.0, $0.1) < distance($1.0, $1.1) }) {
                let (rows, columns) = kind == .subsample ? (position.row..<(position.row + 1), position.column..<(position.column + 1)) : poolWindow(pr, pc)
                let cells = rows.flatMap { r in columns.map { c in (row: r, column: c, value: maps[position.map, r, c]) } }
                window.pooling = (kind, cells, pooled[position.map, pr, pc], pr, pc)
            }
        }
        return window
    }

    /// The convolution's output grid (maps, rows, columns), for moving the window.
    var windowGrid: (maps: Int, rows: Int, columns: Int)? {
        guard let l = firstConvolution else { return nil }
        let shape = network.shapes[l + 1]
        return (shape[0], shape[1], shape[2])
    }
}
