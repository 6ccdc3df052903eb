/// "Did you mean …?" for a mistyped key or value.
public enum KeySuggestion {
    /// The known word closest to `word`, if close enough: an edit distance of at most 2, or of at most a third
    /// of the known word's length (so long keys tolerate more typos). Case is ignored.
    public static func closest(to word: String, in known: [String]) -> String? {
        var best: (word: String, distance: Int)?
        for candidate in known {
            let distance = editDistance(word.lowercased(), candidate.lowercased())
            guard distance <= max(2, candidate.count / 3) else { continue }
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        return best?.word
    }

    /// "; did you mean 'x'?" when a known word is close, else nothing.
    static func suffix(for word: String, among known: [String]) -> String {
        closest(to: word, in: known).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// Levenshtein distance (insertions, deletions, substitutions), by characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            previous = current
        }
        return previous[b.count]
    }
}
