/// A small non-backtracking matcher for the common subset of ECMA-262 patterns (literals, `.`,
/// classes, `\d\w\s` and negations, anchors, groups, alternation, greedy and lazy quantifiers).
/// Schema patterns are almost always in this subset; matching them here gives ECMA semantics
/// exactly (ASCII `\d`/`\w`) and avoids ICU, whose one-time set-up cost more than all the rest
/// of a schema compile. Anything else (lookaround, backreferences, `\b`, `\p{…}`) returns nil
/// from `init` and the caller uses NSRegularExpression.
struct ECMARegex: Sendable {
    indirect enum Node: Sendable {
        case scalar(UInt32)
        case any
        case set(CharSet)
        case start, end
        case seq([Node])
        case alt([Node])
        case repeated(Node, min: Int, max: Int?, greedy: Bool)
    }

    struct CharSet: Sendable, Equatable {
        var ranges: [ClosedRange<UInt32>] = []
        var negated = false
        func contains(_ c: UInt32) -> Bool { ranges.contains { $0.contains(c) } != negated }
    }

    private let program: [Op]
    /// The classes of the program (`Op.set` holds an index): full sets for scalars from 128 up,
    /// and their answer for ASCII as a 128-bit table.
    private let sets: [CharSet]
    private let ascii: [ASCIISet]
    /// The pattern starts with `^` (outside any alternation): only position 0 can match.
    let anchored: Bool

    /// nil when the pattern uses syntax outside the subset or is malformed (ICU decides then).
    init?(_ pattern: String) {
        var p = Parser(Array(pattern.unicodeScalars).map(\.value))
        guard let node = p.alternation(), p.i == p.s.count else { return nil }
        var c = Compiler()
        c.compile(node)
        _ = c.emit(.match)
        guard !c.tooBig else { return nil }
        program = c.ops
        sets = c.sets
        ascii = c.sets.map(ASCIISet.init)
        if case .seq(let items) = node, case .start? = items.first { anchored = true } else { anchored = false }
    }

    /// Unanchored search, as JSON Schema's `pattern` requires: time is linear in the text (at
    /// most the program's size per character). nil if the step budget ran out.
    func firstMatch(in text: String) -> Bool? {
        var text = text
        return text.withUTF8 { Self.run(program, sets, ascii, $0, anchored: anchored) }
    }

    // MARK: parsing

    private struct Parser {
        let s: [UInt32]
        var i = 0
        init(_ s: [UInt32]) { self.s = s }

        func peek(_ c: Character) -> Bool { i < s.count && s[i] == c.unicodeScalars.first!.value }

        mutating func alternation() -> Node? {
            var branches: [Node] = []
            while true {
                guard let seq = sequence() else { return nil }
                branches.append(seq)
                if peek("|") { i += 1; continue }
                return branches.count == 1 ? branches[0] : .alt(branches)
            }
        }

        mutating func sequence() -> Node? {
            var items: [Node] = []
            while i < s.count, !peek("|"), !peek(")") {
                guard var atom = atom() else { return nil }
                if let q = quantifier() {
                    if case .start = atom { return nil }
                    if case .end = atom { return nil }
                    atom = .repeated(atom, min: q.0, max: q.1, greedy: q.2)
                }
                items.append(atom)
            }
            return .seq(items)
        }

        mutating func quantifier() -> (Int, Int?, Bool)? {
            guard i < s.count else { return nil }
            var q: (Int, Int?)
            switch s[i] {
            case 0x2A: q = (0, nil); i += 1          // *
            case 0x2B: q = (1, nil); i += 1          // +
            case 0x3F: q = (0, 1); i += 1            // ?
            case 0x7B:                               // {n}, {n,}, {n,m}
                var j = i + 1
                guard let lo = number(&j) else { return nil }
                var hi: Int? = lo
                if j < s.count, s[j] == 0x2C { j += 1; hi = number(&j) }
                guard j < s.count, s[j] == 0x7D else { return nil }
                if let hi, hi < lo { return nil }
                i = j + 1
                q = (lo, hi)
            default: return nil
            }
            var greedy = true
            if peek("?") { greedy = false; i += 1 }
            return (q.0, q.1, greedy)
        }

        func number(_ j: inout Int) -> Int? {
            var n = 0, digits = 0
            while j < s.count, (0x30...0x39).contains(s[j]), digits < 6 { n = n * 10 + Int(s[j] - 0x30); j += 1; digits += 1 }
            return digits == 0 ? nil : n
        }

        mutating func atom() -> Node? {
            let c = s[i]
            i += 1
            switch c {
            case 0x5E: return .start                 // ^
            case 0x24: return .end                   // $
            case 0x2E: return .any                   // .
            case 0x28:                               // (
                if peek("?") {
                    // Only (?:…) and named groups; lookaround is not in the subset.
                    guard i + 1 < s.count else { return nil }
                    if s[i + 1] == 0x3A { i += 2 } else if s[i + 1] == 0x3C, i + 2 < s.count, s[i + 2] != 0x3D, s[i + 2] != 0x21 {
                        while i < s.count, s[i] != 0x3E { i += 1 }
                        guard i < s.count else { return nil }
                        i += 1
                    } else { return nil }
                }
                guard let inner = alternation(), peek(")") else { return nil }
                i += 1
                return inner
            case 0x5B: return charClass()            // [
            case 0x5C: return escape(inClass: false).map { $0.node }
            case 0x2A, 0x2B, 0x3F, 0x7B, 0x29, 0x5D, 0x7D: return nil // quantifier or bracket out of place
            default: return .scalar(c)
            }
        }

        /// After a backslash. Returns a node (outside classes) or the set/scalar it stands for.
        mutating func escape(inClass: Bool) -> (node: Node, set: CharSet?, scalar: UInt32?)? {
            guard i < s.count else { return nil }
            let c = s[i]
            i += 1
            func set(_ r: [ClosedRange<UInt32>], _ negated: Bool) -> (Node, CharSet?, UInt32?) {
                let cs = CharSet(ranges: r, negated: negated)
                return (.set(cs), cs, nil)
            }
            let digit: [ClosedRange<UInt32>] = [0x30...0x39]
            let word: [ClosedRange<UInt32>] = [0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F...0x5F]
            let space: [ClosedRange<UInt32>] = [0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A,
                                                0x2028...0x2029, 0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF]
            func lit(_ v: UInt32) -> (Node, CharSet?, UInt32?) { (.scalar(v), nil, v) }
            switch c {
            case 0x64: return set(digit, false)      // d
            case 0x44: return set(digit, true)       // D
            case 0x77: return set(word, false)       // w
            case 0x57: return set(word, true)        // W
            case 0x73: return set(space, false)      // s
            case 0x53: return set(space, true)       // S
            case 0x74: return lit(0x09)              // t
            case 0x6E: return lit(0x0A)              // n
            case 0x72: return lit(0x0D)              // r
            case 0x66: return lit(0x0C)              // f
            case 0x76: return lit(0x0B)              // v
            case 0x30: return (i < s.count && (0x30...0x39).contains(s[i])) ? nil : lit(0)
            case 0x75, 0x78:                         // uXXXX, xHH
                let n = c == 0x75 ? 4 : 2
                guard i + n <= s.count else { return nil }
                var v: UInt32 = 0
                for k in 0..<n {
                    guard let d = hex(s[i + k]) else { return nil }
                    v = v * 16 + d
                }
                i += n
                return lit(v)
            default:
                // Identity escapes of syntax characters only; letters and digits (\b, \1, \p, \c…)
                // are outside the subset.
                if (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) { return nil }
                return lit(c)
            }
        }

        func hex(_ c: UInt32) -> UInt32? {
            switch c {
            case 0x30...0x39: return c - 0x30
            case 0x41...0x46: return c - 0x41 + 10
            case 0x61...0x66: return c - 0x61 + 10
            default: return nil
            }
        }

        mutating func charClass() -> Node? {
            var cs = CharSet()
            if peek("^") { cs.negated = true; i += 1 }
            var first = true
            while i < s.count {
                if s[i] == 0x5D && !first { i += 1; return .set(cs) }
                first = false
                guard let lo = classAtom() else { return nil }
                if case .set(let inner) = lo {
                    guard !inner.negated else { return nil } // [\D] etc.: leave to ICU
                    cs.ranges += inner.ranges
                    continue
                }
                guard case .scalar(let a) = lo else { return nil }
                if peek("-"), i + 1 < s.count, s[i + 1] != 0x5D {
                    i += 1
                    guard let hi = classAtom(), case .scalar(let b) = hi, a <= b else { return nil }
                    cs.ranges.append(a...b)
                } else {
                    cs.ranges.append(a...a)
                }
            }
            return nil
        }

        enum ClassAtom { case scalar(UInt32), set(CharSet) }

        mutating func classAtom() -> ClassAtom? {
            guard i < s.count else { return nil }
            let c = s[i]
            i += 1
            if c == 0x5C {
                if peek("b") { i += 1; return .scalar(0x08) }
                if peek("-") { i += 1; return .scalar(0x2D) }
                guard let e = escape(inClass: true) else { return nil }
                if let set = e.set { return .set(set) }
                return e.scalar.map(ClassAtom.scalar)
            }
            return .scalar(c)
        }
    }

    // MARK: matching

    /// A Thompson NFA: the pattern compiled to instructions, run over the text with every live
    /// state advanced together (no backtracking, no recursion). Only whether a match exists is
    /// needed, so greedy and lazy quantifiers need no distinction.
    /// Payloads are plain integers (a class is an index into `sets`), so reading an op copies
    /// no array: with the class inline, every step retained and released it.
    private enum Op: Sendable {
        case scalar(UInt32), any, set(Int), start, end, match
        case jump(Int)
        case split(Int, Int)
    }

    /// A class's answer for the 128 ASCII scalars, negation applied.
    private struct ASCIISet: Sendable {
        var low: UInt64 = 0, high: UInt64 = 0
        init(_ set: CharSet) {
            for r in set.ranges where r.lowerBound < 128 {
                for c in r.lowerBound...min(r.upperBound, 127) {
                    if c < 64 { low |= 1 << UInt64(c) } else { high |= 1 << UInt64(c - 64) }
                }
            }
            if set.negated { low = ~low; high = ~high }
        }
        func contains(_ c: UInt32) -> Bool { c < 64 ? low >> UInt64(c) & 1 == 1 : high >> UInt64(c - 64) & 1 == 1 }
    }

    /// Largest program; counted repetitions are expanded, so `(a{1000}){1000}` would be a million.
    static let maxProgram = 20_000

    private struct Compiler {
        var ops: [Op] = []
        var sets: [CharSet] = []
        var tooBig = false

        mutating func emit(_ op: Op) -> Int {
            if ops.count >= ECMARegex.maxProgram { tooBig = true }
            ops.append(op)
            return ops.count - 1
        }

        /// Recursion follows group nesting only, which Pattern bounds before compiling.
        mutating func compile(_ n: Node) {
            if tooBig { return }
            switch n {
            case .scalar(let c): _ = emit(.scalar(c))
            case .any: _ = emit(.any)
            case .set(let cs):
                // A counted repetition emits its class once per copy (`[a-z0-9-]{1,61}`: 61 times);
                // one entry serves them all. Searched among the first 32 only, so a pattern of
                // thousands of classes stays linear (a miss only costs a duplicate entry).
                if let i = sets.prefix(32).firstIndex(of: cs) { _ = emit(.set(i)); break }
                sets.append(cs)
                _ = emit(.set(sets.count - 1))
            case .start: _ = emit(.start)
            case .end: _ = emit(.end)
            case .seq(let items): for item in items { compile(item) }
            case .alt(let branches):
                var jumps: [Int] = []
                for (k, b) in branches.enumerated() {
                    if k < branches.count - 1 {
                        let split = emit(.split(0, 0))
                        compile(b)
                        jumps.append(emit(.jump(0)))
                        if tooBig { return }
                        ops[split] = .split(split + 1, ops.count)
                    } else {
                        compile(b)
                    }
                }
                for j in jumps where !tooBig { ops[j] = .jump(ops.count) }
            case .repeated(let node, let min, let max, _):
                for _ in 0..<min where !tooBig { compile(node) }
                if let max {
                    // e{0,k} as k nested optionals: each copy may be skipped to the end.
                    var splits: [Int] = []
                    for _ in min..<max where !tooBig {
                        splits.append(emit(.split(0, 0)))
                        compile(node)
                    }
                    for s in splits where !tooBig { ops[s] = .split(s + 1, ops.count) }
                } else {
                    let split = emit(.split(0, 0))
                    compile(node)
                    _ = emit(.jump(split))
                    if !tooBig { ops[split] = .split(split + 1, ops.count) }
                }
            }
        }
    }

    /// Work allowed per match: instruction visits, summed over the text. Linear patterns use a
    /// few per character; hitting this means a huge text times a huge pattern.
    static let stepBudget = 50_000_000

    /// The text is read as UTF-8 in place and decoded as it goes (it was copied into an array
    /// of scalars first), and the work lists live in one temporary allocation: together with
    /// integer-only ops this made a match of the blueprint schema's patterns ~5x cheaper
    /// (callgrind). Positions are counted in scalars, as before, so the step budget is unchanged.
    private static func run(_ program: [Op], _ sets: [CharSet], _ ascii: [ASCIISet], _ text: UnsafeBufferPointer<UInt8>,
                            anchored: Bool) -> Bool? {
        let n = program.count
        return program.withUnsafeBufferPointer { ops in
            // mark (n): last position whose closure holds the op; two lists (n each); the stack
            // (each add pushes at most 1 + 2 per op it marks).
            withUnsafeTemporaryAllocation(of: Int.self, capacity: 5 * n + 2) { memory -> Bool? in
                let mark = memory.baseAddress!
                mark.initialize(repeating: -1, count: n)
                var current = mark + n, next = mark + 2 * n
                let stack = mark + 3 * n
                var currentCount = 0, nextCount = 0
                var steps = 0
                // Follows jumps, splits and anchors at position i, adding the consuming ops to `list`.
                func add(_ start: Int, _ i: Int, atEnd: Bool, _ list: UnsafeMutablePointer<Int>, _ count: inout Int) -> Bool {
                    var sp = 0
                    stack[sp] = start; sp += 1
                    while sp > 0 {
                        sp -= 1
                        let pc = stack[sp]
                        guard mark[pc] != i else { continue }
                        mark[pc] = i
                        steps += 1
                        switch ops[pc] {
                        case .match: return true
                        case .jump(let t): stack[sp] = t; sp += 1
                        case .split(let a, let b): stack[sp] = b; stack[sp + 1] = a; sp += 2
                        case .start: if i == 0 { stack[sp] = pc + 1; sp += 1 }
                        case .end: if atEnd { stack[sp] = pc + 1; sp += 1 }
                        default: list[count] = pc; count += 1
                        }
                    }
                    return false
                }
                var i = 0, offset = 0
                while true {
                    let atEnd = offset == text.count
                    if i == 0 || !anchored, add(0, i, atEnd: atEnd, current, &currentCount) { return true }
                    if currentCount == 0 && (anchored || atEnd) { return false }
                    if steps > stepBudget { return nil }
                    guard !atEnd else { return false }
                    let (c, length) = decode(text, offset)
                    let nextAtEnd = offset + length == text.count
                    nextCount = 0
                    for k in 0..<currentCount {
                        let pc = current[k]
                        steps += 1
                        let ok: Bool
                        switch ops[pc] {
                        case .scalar(let x): ok = c == x
                        case .any: ok = c != 0x0A && c != 0x0D && c != 0x2028 && c != 0x2029
                        case .set(let s): ok = c < 128 ? ascii[s].contains(c) : sets[s].contains(c)
                        default: ok = false
                        }
                        if ok, add(pc + 1, i + 1, atEnd: nextAtEnd, next, &nextCount) { return true }
                    }
                    swap(&current, &next)
                    currentCount = nextCount
                    i += 1
                    offset += length
                }
            }
        }
    }

    /// The scalar at `offset` of valid UTF-8 (a Swift string's bytes) and its length in bytes.
    @inline(__always)
    private static func decode(_ t: UnsafeBufferPointer<UInt8>, _ offset: Int) -> (UInt32, Int) {
        let b0 = UInt32(t[offset])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(t[offset + 1]) & 0x3F, 2) }
        if b0 < 0xF0 { return ((b0 & 0x0F) << 12 | (UInt32(t[offset + 1]) & 0x3F) << 6 | UInt32(t[offset + 2]) & 0x3F, 3) }
        return ((b0 & 0x07) << 18 | (UInt32(t[offset + 1]) & 0x3F) << 12 | (UInt32(t[offset + 2]) & 0x3F) << 6 | UInt32(t[offset + 3]) & 0x3F, 4)
    }
}
