import BlueprintKit

/// Fills COMMAND's four `{}` as the job manager does (`COMMAND.format(bucket, dataset key,
/// result prefix, config key)`), read with CPython's rules (PythonFormat). Refuses, at the
/// COMMAND's position, what the job manager would fail on (named fields, bad syntax, more than
/// four values) and fewer than four (the job manager silently drops the config or more).
public enum CommandTemplate {
    public static func fill(_ command: Located<String>, source: SourceFile, values: [String]) throws -> String {
        let a = PythonFormat.analyze(command.value)
        func fail(_ m: String, _ hint: String) -> DevError { DevError(.check, m, hint: hint, at: command.node, in: source) }
        let hint = "COMMAND needs exactly four {} (bucket, dataset key, result prefix, config key); write literal braces as {{ }}"
        if let f = a.failure { throw fail("COMMAND cannot be formatted: \(f.message)", hint) }
        if let n = a.namedFields.first, case .name(let name) = n.reference {
            throw fail("COMMAND has a named field {\(name)}: the job manager's format() raises KeyError", hint)
        }
        let top = a.fields.filter { !$0.nested }
        if a.requiredPositionalCount != values.count || top.isEmpty {
            let n = a.requiredPositionalCount
            throw fail("COMMAND has \(n) placeholder\(n == 1 ? "" : "s"); the job manager fills \(values.count)", hint)
        }
        if let odd = top.first(where: { $0.accessor != nil || !$0.formatSpec.isEmpty || ($0.conversion != nil && $0.conversion != "s") }) {
            throw fail("COMMAND field at byte \(odd.offset) uses an accessor, conversion or format spec; dev jobs support plain {}", hint)
        }
        // Literal text between fields, with {{ and }} unescaped, then the value.
        let bytes = Array(command.value.utf8)
        var out: [UInt8] = []
        var pos = 0
        func literal(_ end: Int) {
            var i = pos
            while i < end {
                out.append(bytes[i])
                if (bytes[i] == UInt8(ascii: "{") || bytes[i] == UInt8(ascii: "}")) && i + 1 < end && bytes[i + 1] == bytes[i] { i += 2 } else { i += 1 }
            }
        }
        for f in top.sorted(by: { $0.offset < $1.offset }) {
            literal(f.offset)
            out += Array(values[f.positionalIndex!].utf8)
            pos = f.offset + f.length
        }
        literal(bytes.count)
        return String(decoding: out, as: UTF8.self)
    }
}
