/// RFC 3986 reference resolution, enough for JSON Schema `$id` and `$ref`: http(s), urn:, tag:
/// and relative references with dot segments. Foundation's URL rejects some of these (urn: with
/// fragments, relative resolution against non-hierarchical bases), so it is done by hand.
public struct URIReference: Sendable, Hashable, CustomStringConvertible {
    public var scheme: String?
    public var authority: String?
    public var path: String
    public var query: String?
    public var fragment: String?

    public init(_ text: String) {
        var rest = Substring(text)
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let q = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: q)...])
            rest = rest[..<q]
        }
        // A scheme is letters/digits/+-. before the first ':' that comes before any '/'.
        if let colon = rest.firstIndex(of: ":"), let first = rest.first, first.isLetter,
           rest[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) {
            scheme = String(rest[..<colon]).lowercased()
            rest = rest[rest.index(after: colon)...]
        }
        if rest.hasPrefix("//") {
            let afterSlashes = rest.dropFirst(2)
            let end = afterSlashes.firstIndex(of: "/") ?? afterSlashes.endIndex
            authority = String(afterSlashes[..<end])
            rest = afterSlashes[end...]
        }
        path = String(rest)
    }

    public var description: String {
        var s = ""
        if let scheme { s += scheme + ":" }
        if let authority { s += "//" + authority }
        s += path
        if let query { s += "?" + query }
        if let fragment { s += "#" + fragment }
        return s
    }

    /// The reference without its fragment.
    public var withoutFragment: URIReference {
        var c = self
        c.fragment = nil
        return c
    }

    /// RFC 3986 §5.2.2: this reference resolved against `base`.
    public func resolved(against base: URIReference) -> URIReference {
        var t = URIReference("")
        if scheme != nil {
            t = self
            t.path = Self.removeDotSegments(path)
            return t
        }
        t.scheme = base.scheme
        if authority != nil {
            t.authority = authority
            t.path = Self.removeDotSegments(path)
            t.query = query
        } else {
            t.authority = base.authority
            if path.isEmpty {
                t.path = base.path
                t.query = query ?? base.query
            } else {
                if path.hasPrefix("/") {
                    t.path = Self.removeDotSegments(path)
                } else {
                    t.path = Self.removeDotSegments(merge(base))
                }
                t.query = query
            }
        }
        t.fragment = fragment
        return t
    }

    private func merge(_ base: URIReference) -> String {
        if base.authority != nil && base.path.isEmpty { return "/" + path }
        guard let slash = base.path.lastIndex(of: "/") else { return path }
        return String(base.path[...slash]) + path
    }

    static func removeDotSegments(_ input: String) -> String {
        guard input.contains(".") else { return input }
        var output: [Substring] = []
        let absolute = input.hasPrefix("/")
        let segments = input.split(separator: "/", omittingEmptySubsequences: false)
        for (i, seg) in segments.enumerated() {
            if seg == "." { if i == segments.count - 1 { output.append("") }; continue }
            if seg == ".." {
                if output.count > (absolute ? 1 : 0) { output.removeLast() }
                if i == segments.count - 1 { output.append("") }
                continue
            }
            output.append(seg)
        }
        return output.joined(separator: "/")
    }
}
