/// "Did you mean …?" suggestions: the closest candidate by edit distance, or nothing.
/// Never a dump of every allowed value (cfn-lint's 20 KB enum lines are the anti-pattern).
public enum Suggest {
    /// The closest candidate within a distance that scales with the word's length.
    public static func closest(to word: String, in candidates: some Sequence<String>, caseInsensitive: Bool = true) -> String? {
        let w = normalise(word, caseInsensitive)
        guard !w.isEmpty else { return nil }
        let limit = max(1, min(3, w.count / 3))
        var best: (String, Int)?
        for c in candidates {
            let n = normalise(c, caseInsensitive)
            // The distance is at least the difference in length: skip without the quadratic
            // table (a hostile 200 KB word would otherwise cost length × candidates).
            guard abs(n.count - w.count) <= limit else { continue }
            let d = distance(w, n)
            if d <= limit, best == nil || d < best!.1 { best = (c, d) }
        }
        return best?.0
    }

    /// " did you mean 'x'?" or "" — ready to append to a message.
    public static func phrase(for word: String, in candidates: some Sequence<String>) -> String {
        guard let c = closest(to: word, in: candidates), !c.sameScalars(as: word) else { return "" }
        return ": did you mean '\(c)'?"
    }

    private static func normalise(_ s: String, _ ci: Bool) -> [Character] {
        Array(ci ? s.lowercased() : s)
    }

    /// Levenshtein distance with a transposition counted as one edit (optimal string alignment).
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev2 = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    cur[j] = min(cur[j], prev2[j - 2] + 1)
                }
            }
            (prev2, prev, cur) = (prev, cur, prev2)
        }
        return prev[b.count]
    }
}
