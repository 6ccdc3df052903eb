import NNRender
import NNScenario
import Synchronization
import XCTest
@testable import NNExplorer

/// Each built-in lesson played once, press by press, through `update` as a user plays it, and shared by
/// every test and size: a lesson does not depend on the terminal's size (only the frame does), and lesson 7
/// alone trains for seconds in a debug build. Going back is left to the tests that test it.
enum PlayedLessons {
    /// Big enough for every lesson, so that every press plays.
    private static let playingSize = Size(width: 120, height: 40)
    private static let played = Mutex<[String: [AppState]]>([:])

    /// The lesson's states after 0, 1, … `beatCount` presses of → (the first alone when `name` is no lesson).
    static func states(_ name: String) throws -> [AppState] {
        try played.withLock { played in
            if let states = played[name] { return states }
            var state = AppState(size: playingSize, scenario: try builtin(name))
            var states = [state]
            for _ in 0..<(state.lesson?.beatCount ?? 0) {
                update(&state, .key(.right))
                states.append(state)
            }
            played[name] = states
            return states
        }
    }
}

/// The lesson `name` after `beats` presses of → (all of them when nil) on a terminal of `size`.
func playedLesson(_ name: String, beats: Int? = nil, size: Size) throws -> AppState {
    let states = try PlayedLessons.states(name)
    let presses = beats ?? states.count - 1
    guard states.indices.contains(presses) else { throw NoSuchBeat(lesson: name, beat: presses) }
    var state = states[presses]
    state.size = size
    return state
}

/// Thrown (a test failure) when a test asks for a beat past a lesson's end.
struct NoSuchBeat: Error {
    let lesson: String
    let beat: Int
}

/// Every state of the lesson `name` (0 presses to the end) on a terminal of `size`.
func playedLessonStates(_ name: String, size: Size) throws -> [AppState] {
    try PlayedLessons.states(name).map { state in
        var resized = state
        resized.size = size
        return resized
    }
}
