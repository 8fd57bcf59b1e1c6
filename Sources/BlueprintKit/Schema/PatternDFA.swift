/// A schema pattern as a table-driven automaton over ASCII bytes, written into the generated
/// check by SchemaCodeGenerator (PatternDFACompiler builds it at generation time). The regex
/// matcher simulates its program scalar by scalar, ~2,600 instructions a blueprint string; the
/// table takes a few per byte.
///
/// It only ever answers "matches": a string it does not accept (non-ASCII bytes included) goes
/// to the matcher, which gives the answer and the message, so a table can never hide an error
/// (and GeneratedSchemaCheckTests compare the two on every string they try).
struct PatternDFA: Sendable {
    /// Byte classes of the pattern (bytes that no part of it tells apart share one).
    let classCount: Int
    /// Class of each ASCII byte.
    let classOf: [UInt8]
    /// Row per state, column per class; state 0 is dead, 1 the start.
    let next: [UInt8]
    let accepting: [Bool]

    /// True when `n` is a string the pattern matches for sure, or not a string (`pattern`
    /// checks strings only).
    func accepts(_ n: Node) -> Bool {
        guard case .string(let text) = n.kind else { return true }
        return accepts(text)
    }

    func accepts(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            classOf.withUnsafeBufferPointer { cls in
                next.withUnsafeBufferPointer { table in
                    var state = 1
                    for b in bytes {
                        guard b < 0x80 else { return false }
                        state = Int(table[state &* classCount &+ Int(cls[Int(b)])])
                        if state == 0 { return false }
                    }
                    return accepting[state]
                }
            }
        }
    }
}
