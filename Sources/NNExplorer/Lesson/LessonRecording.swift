import NNCore
import NNRender
import NNScenario

/// A lesson played headlessly into an asciicast v2 recording (asciinema's format): a header line, then one
/// `[time, "o", text]` event a beat, each redrawing the whole screen. Times come from the beats, not a clock
/// (a `say` stays long enough to read, a `pause` longer), so the same lesson gives the same file.
public enum LessonRecording {
    /// Seconds a frame stays on screen after a press played `beats` (nil: the opening frame): long enough to
    /// read its words (else 1.5 s), and 4 s more for a pause.
    static func hold(after beats: ArraySlice<LessonBeat>?) -> Double {
        guard let beats else { return 2 }
        var seconds = 1.5
        for beat in beats {
            if case .say(let text) = beat { seconds = min(8, 2 + 0.3 * Double(text.split(separator: " ").count)) }
        }
        return seconds + (beats.contains(.pause) ? 4 : 0)
    }

    public static func asciicast(_ scenario: Scenario, size: Size, glyphs: Glyphs = .unicode, theme: Theme = .standard) -> String {
        var state = AppState(size: size, scenario: scenario, glyphs: glyphs, theme: theme)
        var out = "{\"version\": 2, \"width\": \(size.width), \"height\": \(size.height), "
            + "\"title\": \(jsonString(scenario.title)), \"env\": {\"TERM\": \"xterm-256color\"}}\n"
        var time = 0.0
        func event(_ text: String) { out += "[\(seconds(time)), \"o\", \(jsonString(text))]\n" }
        // Hide the cursor and clear once; every frame then redraws from the top left.
        event("\u{1B}[?25l\u{1B}[2J" + screen(state))
        time += hold(after: nil)
        while let lesson = state.lesson, !lesson.atEnd {
            update(&state, .key(.right))
            event(screen(state))
            time += hold(after: state.lesson?.currentBeats)
        }
        event("\u{1B}[?25h")   // the cursor back, after the last frame's time on screen
        return out
    }

    private static func screen(_ state: AppState) -> String {
        let lines = view(state).ansiText(theme: state.theme).split(separator: "\n", omittingEmptySubsequences: false)
        return "\u{1B}[H" + lines.prefix(state.size.height).joined(separator: "\r\n")
    }

    private static func seconds(_ t: Double) -> String {
        let millis = Int((t * 1000).rounded())
        let fraction = String(millis % 1000)
        return "\(millis / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    private static func jsonString(_ text: String) -> String { JSONObject.quote(text) }
}
