/// `JSONPointer.dotted` for the pointers rules report ("/Lambda/LambdaConfig/AMI" →
/// "Lambda.LambdaConfig.AMI"), by bytes: 15 K instructions a finding went into parsing each
/// token as an Int. Pointers with a negative or zero-padded index, a '~' escape or non-ASCII
/// text take the general path, so the result is always JSONPointer.dotted's.
enum DottedPointer {
    static func text(_ pointer: String) -> String {
        var p = pointer
        let fast: [UInt8]? = p.withUTF8 { b in
            guard let first = b.first else { return [] }
            guard first == UInt8(ascii: "/") else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(b.count + 2)
            var i = 1
            while i <= b.count { // one token per pass: b[i..<end]
                var end = i
                while end < b.count, b[end] != UInt8(ascii: "/") { end += 1 }
                for k in i..<end where b[k] >= 0x80 || b[k] == UInt8(ascii: "~") { return nil }
                if i < end, ASCII.isDigit(b[i]) || b[i] == UInt8(ascii: "-") {
                    // An array index as Int parses and prints it: digits, no leading zero.
                    guard end - i <= 18, (i..<end).allSatisfy({ ASCII.isDigit(b[$0]) }), b[i] != UInt8(ascii: "0") || end - i == 1 else {
                        return nil
                    }
                    out.append(UInt8(ascii: "["))
                    out.append(contentsOf: b[i..<end])
                    out.append(UInt8(ascii: "]"))
                } else {
                    if !out.isEmpty { out.append(UInt8(ascii: ".")) }
                    out.append(contentsOf: b[i..<end])
                }
                i = end + 1
            }
            return out
        }
        guard let fast else { return JSONPointer.dotted(pointer) }
        return String(decoding: fast, as: UTF8.self)
    }
}
