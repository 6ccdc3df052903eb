/// Play and pause, and how fast: the same for every explorer. A speed is units (visits, epochs, batches) a
/// second; a tick owes speed × interval thousandths of a unit and plays the whole ones, keeping the fraction,
/// so that the speed shown is the speed played
/// even when a tick owes a fraction of a unit.
public struct Playback: Sendable {
    /// The speeds `+` and `-` step through.
    public let speeds: [Int]
    public private(set) var speedIndex: Int
    public private(set) var playing = false
    /// Thousandths of a unit owed (see `due`), so that it adds up exactly.
    private var credit = 0

    init(speeds: [Int], speedIndex: Int = 0) {
        self.speeds = speeds
        self.speedIndex = speedIndex
    }

    public var perSecond: Int { speeds[speedIndex] }

    /// Plays or pauses; stays paused when there is nothing to play.
    mutating func toggle(canPlay: Bool) {
        guard canPlay else { playing = false; return }
        playing.toggle()
        credit = 0
    }

    mutating func stop() { playing = false }

    mutating func changeSpeed(by delta: Int) {
        speedIndex = min(speeds.count - 1, max(0, speedIndex + delta))
    }

    /// The whole units a tick of `interval` milliseconds owes.
    mutating func due(after interval: Int) -> Int {
        credit += perSecond * interval
        defer { credit %= 1000 }
        return credit / 1000
    }
}
