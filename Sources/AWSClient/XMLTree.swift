/// A parsed XML reply, read with simple paths, namespace-blind: AWS puts every element in a
/// versioned default namespace. Parsed by XMLReader.swift (no libxml2: see docs/performance.md).
public struct XMLTree: Sendable {
    let root: XMLNode

    public init(_ bytes: [UInt8]) throws {
        do {
            var reader = XMLReader(bytes)
            root = try reader.document()
        } catch let e as XMLReader.Failure {
            let why = e.empty ? "empty XML document" : "not XML (\(e.reason) at byte \(e.offset)): \(String(decoding: bytes.prefix(120), as: UTF8.self))"
            throw AWSError.malformedResponse(why)
        }
    }

    init(element: XMLNode) { root = element }

    public var name: String { root.localName }

    /// Child elements with a local name.
    public func children(_ name: String) -> [XMLTree] {
        root.elements.filter { $0.localName == name }.map(XMLTree.init(element:))
    }

    /// The first element along a path of local names ("GetCallerIdentityResult/Arn").
    public func element(_ path: String) -> XMLTree? {
        var current = root
        for part in path.split(separator: "/") {
            guard let next = current.elements.first(where: { $0.localName == part }) else { return nil }
            current = next
        }
        return XMLTree(element: current)
    }

    /// The text of an element: all the character data below it, entities decoded.
    public func text(_ path: String) -> String? { element(path)?.root.stringValue }

    /// Every element with this local name anywhere below, in document order (for `<member>` lists).
    public func descendants(_ name: String) -> [XMLTree] {
        var out: [XMLTree] = []
        // Depth-first without recursion: replies nest shallowly, but nothing here should let a
        // hostile document exhaust the stack.
        var stack: [XMLNode] = root.elements.reversed()
        while let node = stack.popLast() {
            if node.localName == name { out.append(XMLTree(element: node)) }
            stack.append(contentsOf: node.elements.reversed())
        }
        return out
    }
}

/// One element: its name, attributes, and its content in document order.
final class XMLNode: Sendable {
    enum Item: Sendable {
        case text(String)
        case element(XMLNode)
    }

    /// The qualified name as written ("s3:Key" or "Key").
    let name: String
    let attributes: [(String, String)]
    let items: [Item]

    init(name: String, attributes: [(String, String)], items: [Item]) {
        self.name = name
        self.attributes = attributes
        self.items = items
    }

    /// The name without its namespace prefix.
    var localName: String { name.split(separator: ":", maxSplits: 1).last.map(String.init) ?? name }

    var elements: [XMLNode] {
        items.compactMap { if case .element(let e) = $0 { return e } else { return nil } }
    }

    /// All character data below, in document order (what libxml2 calls the string value).
    var stringValue: String? {
        var out = ""
        var stack: [Item] = items.reversed()
        while let item = stack.popLast() {
            switch item {
            case .text(let t): out += t
            case .element(let e): stack.append(contentsOf: e.items.reversed())
            }
        }
        return out
    }
}
