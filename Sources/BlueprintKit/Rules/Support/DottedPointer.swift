/// `JSONPointer.dotted` for the pointers rules report ("/Lambda/LambdaConfig/AMI" →
/// "Lambda.LambdaConfig.AMI"), by bytes: 15 K instructions a finding went into parsing each
/// token as an Int. Pointers with a negative or zero-padded index, a '~' escape or non-ASCII
/// text take the general path, so the result is always JSONPointer.dotted's.
enum DottedPointer {
    static func text(_ pointer: String) -> String {
        guard let first = pointer.utf8.first else { return "" }
        guard first == UInt8(ascii: "/"), pointer.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "~") }) else {
            return JSONPointer.dotted(pointer)
        }
        var out: [UInt8] = []
        out.reserveCapacity(pointer.utf8.count)
        for token in pointer.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropFirst() {
            if let b = token.first, ASCII.isDigit(b) || b == UInt8(ascii: "-") {
                // An array index as Int parses and prints it: digits, no leading zero.
                guard token.count <= 18, token.allSatisfy(ASCII.isDigit), b != UInt8(ascii: "0") || token.count == 1 else {
                    return JSONPointer.dotted(pointer)
                }
                out.append(UInt8(ascii: "["))
                out.append(contentsOf: token)
                out.append(UInt8(ascii: "]"))
                continue
            }
            if !out.isEmpty { out.append(UInt8(ascii: ".")) }
            out.append(contentsOf: token)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
