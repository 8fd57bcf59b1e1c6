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

/// A user-supplied name (JSON key, user name, affiliate name, PipelineName) compared and hashed
/// by its Unicode code points. Swift's `String ==` and String hashing use canonical
/// equivalence, so "café" written with U+00E9 and with "e" + U+0301 would be one key; JSON
/// (RFC 8259), Python, AWS and every JSON parser treat them as two different names.
public struct ScalarKey: Hashable, Sendable {
    public let string: String
    public init(_ string: String) { self.string = string }

    public static func == (a: ScalarKey, b: ScalarKey) -> Bool { a.string.sameScalars(as: b.string) }

    public func hash(into hasher: inout Hasher) {
        var s = string
        s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

extension String {
    /// Equal code point for code point (the UTF-8 bytes are equal), unlike `==`.
    /// The byte counts first (most keys compared in member lookups differ in length; a native
    /// string stores its count), then the bytes in place: `withUTF8` needs a `var` copy of each
    /// string, a retain and release per call (this runs ~45 k times validating 24 blueprints).
    /// The length test is inlined at every call (most comparisons stop there); the bytes are
    /// compared out of line.
    @inlinable @inline(__always) public func sameScalars(as other: String) -> Bool {
        let n = utf8.count
        return n == other.utf8.count && (n == 0 || sameBytes(as: other, count: n))
    }

    @usableFromInline func sameBytes(as other: String, count n: Int) -> Bool {
        let fast = utf8.withContiguousStorageIfAvailable { pa in
            other.utf8.withContiguousStorageIfAvailable { pb in memcmp(pa.baseAddress!, pb.baseAddress!, n) == 0 }
        }
        if let fast, let equal = fast { return equal }
        return utf8.elementsEqual(other.utf8)
    }
}
