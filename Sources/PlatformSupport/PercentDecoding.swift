/// Foundation's `removingPercentEncoding` without Foundation (see Lock.swift for why): every
/// `%XX` (either hex case) becomes its byte; nil when a `%` is not followed by two hex digits or
/// the bytes are not UTF-8. (Foundation has one quirk not copied: a lone `%A9` becomes U+FFFD.) Compared with Foundation in Tests/BlueprintKitTests/PercentDecodingTests.swift.
extension StringProtocol {
    public func percentDecoded() -> String? {
        let input = Array(utf8)
        guard input.contains(UInt8(ascii: "%")) else { return String(self) }
        func hex(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: return c - 0x30
            case 0x41...0x46: return c - 0x41 + 10
            case 0x61...0x66: return c - 0x61 + 10
            default: return nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var i = 0
        while i < input.count {
            if input[i] == UInt8(ascii: "%") {
                guard i + 2 < input.count, let hi = hex(input[i + 1]), let lo = hex(input[i + 2]) else { return nil }
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(input[i])
                i += 1
            }
        }
        return String(validating: out, as: UTF8.self)
    }
}
