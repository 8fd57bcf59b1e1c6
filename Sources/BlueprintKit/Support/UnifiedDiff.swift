/// `diff -u` output between two texts (three lines of context, git's a/ b/ headers), from a
/// longest-common-subsequence table: blueprints are a few hundred lines, so the quadratic table
/// is small; above a bound the whole file becomes one hunk.
public enum UnifiedDiff {
    static let maxCells = 4_000_000

    public static func render(old: [UInt8], new: [UInt8], oldName: String, newName: String, context: Int = 3) -> String {
        let a = lines(old), b = lines(new)
        let ops = script(a, b)
        guard ops.contains(where: { $0.kind != .same }) else { return "" }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        // Group the edit script into hunks separated by more than 2×context unchanged lines.
        var i = 0
        while i < ops.count {
            guard let firstChange = ops[i...].firstIndex(where: { $0.kind != .same }) else { break }
            let start = max(i, firstChange - context)
            var end = firstChange
            var lastChange = firstChange
            while end < ops.count {
                if ops[end].kind != .same { lastChange = end }
                if end - lastChange > 2 * context { break }
                end += 1
            }
            let stop = min(ops.count, lastChange + context + 1)
            let hunk = ops[start..<stop]
            let oldStart = hunk.first!.oldLine, newStart = hunk.first!.newLine
            let oldCount = hunk.filter { $0.kind != .insert }.count, newCount = hunk.filter { $0.kind != .delete }.count
            out += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for op in hunk {
                switch op.kind {
                case .same: out += " " + op.text
                case .delete: out += "-" + op.text
                case .insert: out += "+" + op.text
                }
                if !op.text.hasSuffix("\n") { out += "\n\\ No newline at end of file\n" }
            }
            i = stop
        }
        return out
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        // Line numbers are 1-based; an empty range names the line before it.
        count == 1 ? "\(start + 1)" : "\(count == 0 ? start : start + 1),\(count)"
    }

    struct Op { enum Kind { case same, delete, insert }; let kind: Kind; let text: String; let oldLine: Int; let newLine: Int }

    /// Lines with their terminators, so a missing final newline shows as a change.
    static func lines(_ bytes: [UInt8]) -> [String] {
        var out: [String] = []
        var start = 0
        for (i, c) in bytes.enumerated() where c == 0x0A {
            out.append(String(decoding: bytes[start...i], as: UTF8.self))
            start = i + 1
        }
        if start < bytes.count { out.append(String(decoding: bytes[start...], as: UTF8.self)) }
        return out
    }

    static func script(_ a: [String], _ b: [String]) -> [Op] {
        // Common prefix and suffix first: most edits touch a few lines of a long file.
        var p = 0
        while p < a.count, p < b.count, a[p] == b[p] { p += 1 }
        var s = 0
        while s < a.count - p, s < b.count - p, a[a.count - 1 - s] == b[b.count - 1 - s] { s += 1 }
        let am = Array(a[p..<(a.count - s)]), bm = Array(b[p..<(b.count - s)])
        var ops: [Op] = (0..<p).map { Op(kind: .same, text: a[$0], oldLine: $0, newLine: $0) }
        var oi = p, ni = p
        func emit(_ kind: Op.Kind, _ text: String) {
            ops.append(Op(kind: kind, text: text, oldLine: oi, newLine: ni))
            if kind != .insert { oi += 1 }
            if kind != .delete { ni += 1 }
        }
        if am.count * bm.count > maxCells || am.isEmpty || bm.isEmpty {
            am.forEach { emit(.delete, $0) }
            bm.forEach { emit(.insert, $0) }
        } else {
            // lcs[i][j] = length of the LCS of am[i...] and bm[j...].
            let n = am.count, m = bm.count
            var lcs = [[Int32]](repeating: [Int32](repeating: 0, count: m + 1), count: n + 1)
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    lcs[i][j] = am[i] == bm[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
                }
            }
            var i = 0, j = 0
            while i < n || j < m {
                if i < n, j < m, am[i] == bm[j] { emit(.same, am[i]); i += 1; j += 1 }
                else if i < n, j == m || lcs[i + 1][j] >= lcs[i][j + 1] { emit(.delete, am[i]); i += 1 } // "-" before "+", as git shows
                else { emit(.insert, bm[j]); j += 1 }
            }
        }
        for k in 0..<s { emit(.same, a[a.count - s + k]) }
        return ops
    }
}
