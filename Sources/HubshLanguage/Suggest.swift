/// "Did you mean …" for misspelled commands, options, objects and properties.
public enum Suggest {
    /// The candidate closest to `word` (ignoring case) by Damerau–Levenshtein distance, if it is close enough:
    /// at most 1 edit for words up to 4 characters, 2 up to 8, 3 beyond. An exact match (ignoring case) wins;
    /// ties go to the earlier candidate.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let target = Array(word.lowercased())
        guard !target.isEmpty else { return nil }
        let limit = target.count <= 4 ? 1 : target.count <= 8 ? 2 : 3
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let other = Array(candidate.lowercased())
            guard abs(other.count - target.count) <= limit else { continue }
            let distance = self.distance(target, other)
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
                if distance == 0 { break }
            }
        }
        return best?.candidate
    }

    /// `did you mean 'search'?` for the closest candidate, or nil when none is close.
    public static func didYouMean(_ word: String, in candidates: [String]) -> String? {
        closest(to: word, in: candidates).map { "did you mean '\($0)'?" }
    }

    /// The closest candidate by ``closest(to:in:)``, else one that starts with `word`, else one that
    /// holds it (ignoring case; the shortest, ties to the earlier): a name typed in part
    /// (`lifecycle` → `lifecyclestage`, `owner` → `hubspot_owner_id`). Parts shorter than 3 characters
    /// are not looked for.
    public static func closestName(to word: String, in candidates: [String]) -> String? {
        if let close = closest(to: word, in: candidates) { return close }
        let part = word.lowercased()
        guard part.count >= 3 else { return nil }
        var prefixed: String?
        var holding: String?
        for candidate in candidates {
            let lowered = candidate.lowercased()
            if lowered.hasPrefix(part) {
                if prefixed.map({ candidate.count < $0.count }) ?? true { prefixed = candidate }
            } else if lowered.contains(part) {
                if holding.map({ candidate.count < $0.count }) ?? true { holding = candidate }
            }
        }
        return prefixed ?? holding
    }

    /// `did you mean 'lifecyclestage'?` for ``closestName(to:in:)``, or nil.
    public static func didYouMeanName(_ word: String, in candidates: [String]) -> String? {
        closestName(to: word, in: candidates).map { "did you mean '\($0)'?" }
    }

    /// The number of insertions, deletions, substitutions and transpositions of adjacent characters that turn
    /// `a` into `b` (optimal string alignment).
    public static func distance(_ a: String, _ b: String) -> Int {
        distance(Array(a), Array(b))
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var row = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            row[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, beforePrevious[j - 2] + 1)
                }
                row[j] = value
            }
            (beforePrevious, previous, row) = (previous, row, beforePrevious)
        }
        return previous[b.count]
    }
}
