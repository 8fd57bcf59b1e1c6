import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML reply (libxml2 through FoundationXML), read with simple paths, namespace-blind:
/// AWS puts every element in a versioned default namespace.
public struct XMLTree: @unchecked Sendable {
    let root: XMLElement

    public init(_ bytes: [UInt8]) throws {
        do {
            let doc = try XMLDocument(data: Data(bytes), options: [])
            guard let root = doc.rootElement() else { throw AWSError.malformedResponse("empty XML document") }
            self.root = root
        } catch let e as AWSError {
            throw e
        } catch {
            throw AWSError.malformedResponse("not XML: \(String(decoding: bytes.prefix(120), as: UTF8.self))")
        }
    }

    init(element: XMLElement) { root = element }

    public var name: String { root.localName ?? root.name ?? "" }

    /// Child elements with a local name.
    public func children(_ name: String) -> [XMLTree] {
        (root.children ?? []).compactMap { $0 as? XMLElement }.filter { ($0.localName ?? $0.name) == name }.map(XMLTree.init(element:))
    }

    /// The first element along a path of local names ("GetCallerIdentityResult/Arn").
    public func element(_ path: String) -> XMLTree? {
        var current = self
        for part in path.split(separator: "/") {
            guard let next = current.children(String(part)).first else { return nil }
            current = next
        }
        return current
    }

    public func text(_ path: String) -> String? { element(path)?.root.stringValue }

    /// Every element with this local name anywhere below (for `<member>` lists).
    public func descendants(_ name: String) -> [XMLTree] {
        var out: [XMLTree] = []
        for child in (root.children ?? []).compactMap({ $0 as? XMLElement }) {
            let t = XMLTree(element: child)
            if t.name == name { out.append(t) }
            out += t.descendants(name)
        }
        return out
    }
}
