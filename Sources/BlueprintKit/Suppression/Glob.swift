/// Path globs for `.bpctl.yaml` suppressions: `*` and `?` within one path segment, `**` across
/// any number of segments (gitignore style, without negation).
public enum Glob {
    public static func matches(_ pattern: String, _ path: String) -> Bool {
        let p = pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let s = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        return match(p[...], s[...])
    }

    private static func match(_ p: ArraySlice<String>, _ s: ArraySlice<String>) -> Bool {
        guard let first = p.first else { return s.isEmpty }
        if first == "**" {
            let rest = p.dropFirst()
            var tail = s
            while true {
                if match(rest, tail) { return true }
                guard !tail.isEmpty else { return false }
                tail = tail.dropFirst()
            }
        }
        guard let segment = s.first, segmentMatches(Array(first)[...], Array(segment)[...]) else { return false }
        return match(p.dropFirst(), s.dropFirst())
    }

    private static func segmentMatches(_ p: ArraySlice<Character>, _ s: ArraySlice<Character>) -> Bool {
        guard let c = p.first else { return s.isEmpty }
        switch c {
        case "*":
            var tail = s
            while true {
                if segmentMatches(p.dropFirst(), tail) { return true }
                guard !tail.isEmpty else { return false }
                tail = tail.dropFirst()
            }
        case "?":
            return !s.isEmpty && segmentMatches(p.dropFirst(), s.dropFirst())
        default:
            return s.first == c && segmentMatches(p.dropFirst(), s.dropFirst())
        }
    }
}
