/// Builds a PatternDFA from an ECMA-262 pattern at generation time (SchemaCodeGenerator), for
/// the simple anchored patterns schemas use: `^…$` around ASCII literals, `\d`, `\w`, escaped
/// punctuation, non-negated classes of those, groups with alternation, and the quantifiers
/// `? * + {n} {n,} {n,m}` (lazy or greedy: whole-string acceptance is the same). Anything else
/// (`.`, negated classes, other escapes, inner anchors, lookaround, non-ASCII) gives nil and the
/// generated check calls the regex matcher alone.
enum PatternDFACompiler {
    static let maxNFAStates = 4096
    static let maxDFAStates = 255

    /// nil when the pattern is outside the subset or its automaton is too large.
    static func compile(_ pattern: String) -> PatternDFA? {
        var p = Parser(Array(pattern.utf8))
        guard let ast = p.whole() else { return nil }
        var nfa = NFA(sets: p.sets)
        let start = nfa.newState()
        guard let end = nfa.build(ast, from: start), nfa.count <= maxNFAStates else { return nil }
        return nfa.determinise(start: start, accept: end)
    }

    indirect enum Regex {
        case set(Int) // index into Parser.sets
        case seq([Regex])
        case alt([Regex])
        case repeated(Regex, min: Int, max: Int?)
    }

    /// The subset's syntax, byte by byte (any byte from 0x80 up is refused).
    struct Parser {
        let s: [UInt8]
        var i = 0
        /// ASCII sets, 128 flags each.
        var sets: [[Bool]] = []

        init(_ s: [UInt8]) { self.s = s }

        mutating func whole() -> Regex? {
            guard s.allSatisfy({ $0 < 0x80 }), s.count >= 2, s.first == UInt8(ascii: "^"), s.last == UInt8(ascii: "$") else { return nil }
            // The final "$" must be an anchor, not an escaped dollar: an even run of backslashes before it.
            var slashes = 0
            var k = s.count - 2
            while k >= 1, s[k] == UInt8(ascii: "\\") { slashes += 1; k -= 1 }
            guard slashes % 2 == 0 else { return nil }
            i = 1
            let body = s.count - 1
            // A top-level "|" (it would bind the anchors to one branch each) stops the sequence
            // short of the end: refused.
            guard let whole = sequence(until: body), i == body else { return nil }
            return whole
        }

        private func peek(_ at: Int, _ end: Int) -> UInt8? { at < end ? s[at] : nil }

        mutating func alternation(until end: Int) -> Regex? {
            var branches: [Regex] = []
            while true {
                guard let seq = sequence(until: end) else { return nil }
                branches.append(seq)
                if peek(i, end) == UInt8(ascii: "|") { i += 1; continue }
                return branches.count == 1 ? branches[0] : .alt(branches)
            }
        }

        mutating func sequence(until end: Int) -> Regex? {
            var items: [Regex] = []
            while let c = peek(i, end), c != UInt8(ascii: "|"), c != UInt8(ascii: ")") {
                guard var atom = atom(until: end) else { return nil }
                if let (lo, hi) = quantifier(until: end) {
                    atom = .repeated(atom, min: lo, max: hi)
                    if let q = peek(i, end), Self.quantifierStart(q) { return nil } // a** is an error in ECMA
                }
                items.append(atom)
            }
            return .seq(items)
        }

        static func quantifierStart(_ c: UInt8) -> Bool {
            c == UInt8(ascii: "*") || c == UInt8(ascii: "+") || c == UInt8(ascii: "?") || c == UInt8(ascii: "{")
        }

        mutating func atom(until end: Int) -> Regex? {
            guard let c = peek(i, end) else { return nil }
            switch c {
            case UInt8(ascii: "("):
                i += 1
                if peek(i, end) == UInt8(ascii: "?") {
                    guard peek(i + 1, end) == UInt8(ascii: ":") else { return nil } // lookaround, named groups
                    i += 2
                }
                guard let inner = alternation(until: end), peek(i, end) == UInt8(ascii: ")") else { return nil }
                i += 1
                return inner
            case UInt8(ascii: "["):
                i += 1
                return charClass(until: end)
            case UInt8(ascii: "\\"):
                i += 1
                guard let e = peek(i, end) else { return nil }
                i += 1
                if let set = Self.classEscape(e) { return .set(add(set)) }
                guard Self.isPunctuation(e) else { return nil }
                return .set(add(Self.single(e)))
            case UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: ")"), UInt8(ascii: "]"),
                 UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"):
                return nil
            default:
                guard c >= 0x20, c < 0x7F else { return nil }
                i += 1
                return .set(add(Self.single(c)))
            }
        }

        /// `[...]` without negation; ranges between single characters only.
        mutating func charClass(until end: Int) -> Regex? {
            var set = [Bool](repeating: false, count: 128)
            guard let first = peek(i, end), first != UInt8(ascii: "^"), first != UInt8(ascii: "]") else { return nil }
            while true {
                guard let c = peek(i, end) else { return nil }
                if c == UInt8(ascii: "]") { i += 1; break }
                var low: UInt8
                if c == UInt8(ascii: "\\") {
                    guard let e = peek(i + 1, end) else { return nil }
                    i += 2
                    if let escaped = Self.classEscape(e) {
                        // `[\w-x]` makes "-" a literal in ECMA's annex B; not worth the subtlety.
                        if peek(i, end) == UInt8(ascii: "-"), peek(i + 1, end) != UInt8(ascii: "]") { return nil }
                        for b in 0..<128 where escaped[b] { set[b] = true }
                        continue
                    }
                    guard Self.isPunctuation(e) else { return nil }
                    low = e
                } else {
                    guard c >= 0x20, c < 0x7F, c != UInt8(ascii: "[") else { return nil }
                    i += 1
                    low = c
                }
                var high = low
                if peek(i, end) == UInt8(ascii: "-"), let h = peek(i + 1, end), h != UInt8(ascii: "]") {
                    i += 1
                    if h == UInt8(ascii: "\\") {
                        guard let e = peek(i + 1, end), Self.isPunctuation(e) else { return nil }
                        high = e
                        i += 2
                    } else {
                        guard h >= 0x20, h < 0x7F, h != UInt8(ascii: "[") else { return nil }
                        high = h
                        i += 1
                    }
                    guard low <= high else { return nil }
                }
                for b in low...high { set[Int(b)] = true }
            }
            return .set(add(set))
        }

        /// `? * + {n} {n,} {n,m}`, each optionally lazy; nil when none follows.
        mutating func quantifier(until end: Int) -> (Int, Int?)? {
            guard let c = peek(i, end) else { return nil }
            var q: (Int, Int?)
            switch c {
            case UInt8(ascii: "*"): q = (0, nil); i += 1
            case UInt8(ascii: "+"): q = (1, nil); i += 1
            case UInt8(ascii: "?"): q = (0, 1); i += 1
            case UInt8(ascii: "{"):
                var j = i + 1
                guard let lo = number(&j, end) else { return nil } // a literal "{": refused by atom
                var hi: Int? = lo
                if peek(j, end) == UInt8(ascii: ",") {
                    j += 1
                    hi = peek(j, end) == UInt8(ascii: "}") ? nil : number(&j, end)
                    if hi == nil && peek(j, end) != UInt8(ascii: "}") { return nil }
                }
                guard peek(j, end) == UInt8(ascii: "}") else { return nil }
                if let hi, hi < lo { return nil }
                i = j + 1
                q = (lo, hi)
            default: return nil
            }
            if peek(i, end) == UInt8(ascii: "?") { i += 1 } // lazy: same whole-string language
            return q
        }

        private func number(_ j: inout Int, _ end: Int) -> Int? {
            var v = 0, digits = 0
            while let c = peek(j, end), c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") {
                v = v * 10 + Int(c - UInt8(ascii: "0"))
                digits += 1
                j += 1
                if digits > 4 { return nil }
            }
            return digits > 0 ? v : nil
        }

        mutating func add(_ set: [Bool]) -> Int {
            sets.append(set)
            return sets.count - 1
        }

        static func single(_ c: UInt8) -> [Bool] {
            var set = [Bool](repeating: false, count: 128)
            set[Int(c)] = true
            return set
        }

        /// `\d` and `\w` (ASCII in ECMA); other letters are not taken.
        static func classEscape(_ e: UInt8) -> [Bool]? {
            var set = [Bool](repeating: false, count: 128)
            switch e {
            case UInt8(ascii: "d"):
                for b in UInt8(ascii: "0")...UInt8(ascii: "9") { set[Int(b)] = true }
            case UInt8(ascii: "w"):
                for b in 0..<128 where ASCIIWord.contains(UInt8(b)) { set[b] = true }
            default: return nil
            }
            return set
        }

        /// Escapes that stand for the character itself (ECMA's SyntaxCharacter and "/", "-").
        static func isPunctuation(_ e: UInt8) -> Bool {
            "^$\\.*+?()[]{}|/-".utf8.contains(e)
        }
    }

    enum ASCIIWord {
        static func contains(_ b: UInt8) -> Bool {
            (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
                || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "_")
        }
    }

    /// Thompson's construction: epsilon moves and set-labelled moves.
    struct NFA {
        let sets: [[Bool]]
        var epsilon: [[Int]] = []
        var moves: [[(set: Int, to: Int)]] = []
        var count: Int { epsilon.count }

        init(sets: [[Bool]]) { self.sets = sets }

        mutating func newState() -> Int {
            epsilon.append([])
            moves.append([])
            return epsilon.count - 1
        }

        /// Adds `r` starting at `from`; returns its end state (nil when too large).
        mutating func build(_ r: Regex, from: Int) -> Int? {
            guard count <= PatternDFACompiler.maxNFAStates else { return nil }
            switch r {
            case .set(let s):
                let to = newState()
                moves[from].append((s, to))
                return to
            case .seq(let items):
                var cur = from
                for item in items {
                    guard let next = build(item, from: cur) else { return nil }
                    cur = next
                }
                return cur
            case .alt(let branches):
                let end = newState()
                for b in branches {
                    let s = newState()
                    epsilon[from].append(s)
                    guard let e = build(b, from: s) else { return nil }
                    epsilon[e].append(end)
                }
                return end
            case .repeated(let x, let lo, let hi):
                var cur = from
                for _ in 0..<lo {
                    guard let next = build(x, from: cur) else { return nil }
                    cur = next
                }
                guard let hi else {
                    let loop = newState()
                    epsilon[cur].append(loop)
                    guard let e = build(x, from: loop) else { return nil }
                    epsilon[e].append(loop)
                    return loop
                }
                for _ in lo..<max(lo, hi) {
                    let skip = newState()
                    let s = newState()
                    epsilon[cur].append(s)
                    epsilon[cur].append(skip)
                    guard let e = build(x, from: s) else { return nil }
                    epsilon[e].append(skip)
                    cur = skip
                }
                return cur
            }
        }

        func closure(_ states: [Int]) -> [Int] {
            var seen = [Bool](repeating: false, count: count)
            var stack = states
            var out: [Int] = []
            while let s = stack.popLast() {
                if seen[s] { continue }
                seen[s] = true
                out.append(s)
                stack.append(contentsOf: epsilon[s])
            }
            return out.sorted()
        }

        func determinise(start: Int, accept: Int) -> PatternDFA? {
            // Byte classes: bytes with the same membership in every set.
            var classOf = [UInt8](repeating: 0, count: 128)
            var signatures: [[Bool]] = []
            for b in 0..<128 {
                let signature = sets.map { $0[b] }
                if let k = signatures.firstIndex(of: signature) {
                    classOf[b] = UInt8(k)
                } else {
                    guard signatures.count < 255 else { return nil }
                    signatures.append(signature)
                    classOf[b] = UInt8(signatures.count - 1)
                }
            }
            let classCount = signatures.count
            var ids: [[Int]: Int] = [[]: 0]
            var states: [[Int]] = [[]]
            var next: [UInt8] = [UInt8](repeating: 0, count: classCount) // the dead state's row
            var accepting = [false]
            let first = closure([start])
            ids[first] = 1
            states.append(first)
            var k = 1
            while k < states.count {
                let current = states[k]
                accepting.append(current.contains(accept))
                for c in 0..<classCount {
                    let byte = classOf.firstIndex(of: UInt8(c))! // a representative of the class
                    var targets: [Int] = []
                    for s in current { for m in moves[s] where sets[m.set][byte] { targets.append(m.to) } }
                    let target = closure(targets)
                    if let id = ids[target] {
                        next.append(UInt8(id))
                    } else {
                        guard states.count < PatternDFACompiler.maxDFAStates else { return nil }
                        ids[target] = states.count
                        next.append(UInt8(states.count))
                        states.append(target)
                    }
                }
                k += 1
            }
            return PatternDFA(classCount: classCount, classOf: classOf, next: next, accepting: accepting)
        }
    }
}
