extension Array where Element == String {
    /// `joined(separator:)` for an array of strings, concrete and sized once. The standard
    /// library's is generic over the sequence: its first call in a process resolves associated
    /// types by mangled name (0.28 M instructions for `bpctl validate` of the shared blueprints,
    /// paid by whichever rule joins first), and each result grows by appends. Same text (tests
    /// compare them). Every rule on the validate path must use it for the saving to show.
    func joinedText(separator: String) -> String {
        guard count > 1 else { return first ?? "" }
        var total = separator.utf8.count * (count - 1)
        for s in self { total += s.utf8.count }
        var out = ""
        out.reserveCapacity(total)
        for i in indices {
            if i > 0 { out += separator }
            out += self[i]
        }
        return out
    }
}
