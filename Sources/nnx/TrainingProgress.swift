import Foundation
import NNRender
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `nnx train`'s progress line on stderr: the epoch, how far through it, the rate and the time left,
/// redrawn in place at most ten times a second. Only when stderr is a terminal: a pipe or a file gets
/// nothing extra.
struct TrainingProgress {
    let enabled: Bool
    /// What one unit of work is called ("images", "epochs").
    let unit: String
    private let start = DispatchTime.now().uptimeNanoseconds
    private var lastDrawn: UInt64 = 0
    private var drewSomething = false

    init(unit: String, enabled: Bool = isatty(2) != 0) {
        self.unit = unit
        self.enabled = enabled
    }

    /// `done` of `total` units (the whole run's), in epoch `epoch` of `epochs`.
    mutating func update(epoch: Int, epochs: Int, done: Int, total: Int) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastDrawn >= 100_000_000 else { return }
        lastDrawn = now
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + Self.line(epoch: epoch, epochs: epochs, done: done, total: total, unit: unit,
                                                                        seconds: Double(now - start) / 1e9)).utf8))
        drewSomething = true
    }

    /// Clears the line before the summary is printed.
    mutating func finish() {
        guard enabled, drewSomething else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        drewSomething = false
    }

    /// The line itself, in ASCII (any locale): "epoch 2 of 5, 41%, 1,234 images/s, 12 s left".
    static func line(epoch: Int, epochs: Int, done: Int, total: Int, unit: String, seconds: Double) -> String {
        let rate = seconds > 0 ? Double(done) / seconds : 0
        var parts = ["epoch \(epoch) of \(epochs)", "\(total > 0 ? 100 * done / total : 0)%"]
        if rate > 0 {
            parts.append("\(formatCount(Int(rate.rounded()))) \(unit)/s")
            parts.append("\(Int((Double(total - done) / rate).rounded(.up))) s left")
        }
        return parts.joined(separator: ", ")
    }
}
