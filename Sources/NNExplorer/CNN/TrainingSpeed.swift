/// Images a second while a CNN trains, from the front end's clock (`Msg.clock`): the images trained between
/// the oldest and the newest readings of the last few seconds. Headless, no clock is read and no speed shown,
/// so frames stay a function of the keys.
public struct TrainingSpeed: Sendable, Hashable {
    private var readings: [Reading] = []

    private struct Reading: Sendable, Hashable {
        var milliseconds: Int
        var images: Int
    }

    /// How far back readings count: long enough to smooth a frame's pause, short enough to follow a change.
    static let window = 3_000
    /// The shortest span a speed is given for.
    static let shortest = 250

    public init() {}

    mutating func read(milliseconds: Int, images: Int) {
        // A clock that went back, or images that did (a reset), start afresh.
        if let last = readings.last, milliseconds < last.milliseconds || images < last.images { readings = [] }
        readings.append(Reading(milliseconds: milliseconds, images: images))
        readings.removeAll { milliseconds - $0.milliseconds > Self.window }
    }

    public var imagesPerSecond: Double? {
        guard let first = readings.first, let last = readings.last else { return nil }
        let span = last.milliseconds - first.milliseconds
        guard span >= Self.shortest, last.images > first.images else { return nil }
        return Double(last.images - first.images) * 1000 / Double(span)
    }

    /// Seconds to train `images` more at this speed.
    public func secondsFor(_ images: Int) -> Double? { imagesPerSecond.map { Double(images) / $0 } }
}

/// "45 s", "2 min 5 s", "1 h 3 min": a duration to the second, as a person reads it.
func formatDuration(seconds: Double) -> String {
    let total = Int(seconds.rounded(.up))
    let (hours, minutes, rest) = (total / 3600, total / 60 % 60, total % 60)
    if hours > 0 { return "\(hours) h \(minutes) min" }
    return minutes > 0 ? "\(minutes) min \(rest) s" : "\(rest) s"
}
