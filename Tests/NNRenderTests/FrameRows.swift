import NNRender

extension Frame {
    /// Every row's text, to compare with a frame written out in a test.
    var rows: [String] { (0..<height).map { text(row: $0) } }
}
