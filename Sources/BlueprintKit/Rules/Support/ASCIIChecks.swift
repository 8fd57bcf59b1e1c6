#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level answers for the common case of an ASCII value. In ASCII every Character is one
/// byte (or "\r\n", which no check below accepts), so these give exactly what the Character-level
/// code gives; rules use them as a fast path and keep the Character-level code for other text.
/// (Character iteration cost 1-4 K instructions per value, most of the rules' time in issue 13.)
extension String {
    /// True when every byte is ASCII (eight bytes at a time: COMMAND is hundreds of bytes).
    var isASCIIBytes: Bool {
        var s = self
        return s.withUTF8 { b in
            var i = 0
            if let base = b.baseAddress {
                while i + 8 <= b.count {
                    if UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                    i += 8
                }
            }
            while i < b.count { if b[i] >= 0x80 { return false }; i += 1 }
            return true
        }
    }

    /// Whether `self` is byte for byte `other` (cheaper than `sameScalars` when lengths differ,
    /// which is almost always when a key is compared against a list).
    @inline(__always) func sameBytes(_ other: String) -> Bool {
        utf8.count == other.utf8.count && sameScalars(as: other)
    }

    /// Whether the UTF-8 contains `needle`'s UTF-8.
    func containsBytes(_ needle: String) -> Bool {
        var h = self, n = needle
        return h.withUTF8 { hb in
            n.withUTF8 { nb in
                guard nb.count <= hb.count else { return false }
                guard let first = nb.first else { return true }
                for i in 0...(hb.count - nb.count) where hb[i] == first && memcmp(hb.baseAddress! + i, nb.baseAddress!, nb.count) == 0 {
                    return true
                }
                return false
            }
        }
    }
}

enum ASCII {
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    @inline(__always) static func isAlphanumeric(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) }
}

extension Node {
    /// `member(key)` that skips keys of another length before comparing bytes (rules look up
    /// fixed keys in every blueprint; the general lookup compares each key's scalars).
    func fastMember(_ key: String) -> Member? {
        guard case .object(let members) = kind else { return nil }
        for m in members where m.key.sameBytes(key) { return m }
        return nil
    }
}
