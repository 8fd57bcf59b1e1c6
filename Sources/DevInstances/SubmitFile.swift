import BlueprintKit
import Foundation

/// A dev `submit.json` (`{"dataname", "configname", "timestamp"}`), read with positions so a
/// missing or ill-typed field is reported at file:line:col, before anything is sent.
public struct SubmitFile: Sendable {
    public let path: String
    public let source: SourceFile
    public let dataname: String
    public let datanameNode: Node
    public let configname: String
    public let confignameNode: Node
    public let timestamp: String

    public static func load(_ path: String) throws -> SubmitFile {
        let doc: Document
        switch Document.load(path: path) {
        case .success(let d): doc = d
        case .failure(let e):
            throw DevError(.usage, "cannot use the submit file: \(e.error.message)", location: "\(path):\(e.source.location(of: e.error.offset))")
        }
        let src = doc.source, root = doc.root
        guard root.isObject else { throw DevError(.usage, "the submit file must be a JSON object", at: root, in: src) }
        func field(_ key: String, example: String) throws -> Node {
            guard let n = root[key] else {
                throw DevError(.usage, "the submit file has no \"\(key)\"", hint: "add \"\(key)\": \(example)", at: root, in: src)
            }
            return n
        }
        let d = try field("dataname", example: "\"<group>/inputs/<file>\"")
        let dataname: String
        if let s = d.string { dataname = s }
        else if let e = d.elements, e.count == 1, let s = e[0].string { dataname = s } // the job manager's list form, one dataset
        else {
            throw DevError(.usage, "\"dataname\" must be a string (one dataset on one dev instance)", at: d, in: src)
        }
        let c = try field("configname", example: "\"<group>/configs/<file>.yaml\"")
        guard let configname = c.string else { throw DevError(.usage, "\"configname\" must be a string", at: c, in: src) }
        let t = try field("timestamp", example: "\"debug1\"")
        let timestamp: String
        if let s = t.string { timestamp = s } else if let n = t.number { timestamp = n.raw } else {
            throw DevError(.usage, "\"timestamp\" must be a string or a number (it names the job folder)", at: t, in: src)
        }
        for (value, node, key) in [(dataname, d, "dataname"), (configname, c, "configname")] where value.isEmpty || value.hasPrefix("/") {
            throw DevError(.usage, "\"\(key)\" must be a key inside the analysis bucket, like \"<group>/inputs/<file>\"", at: node, in: src)
        }
        return SubmitFile(path: path, source: src, dataname: dataname, datanameNode: d, configname: configname, confignameNode: c, timestamp: timestamp)
    }

    /// The group folder: the part of dataname before "/inputs/", when it has one.
    public var group: String? {
        guard let r = dataname.range(of: "/inputs/") else { return nil }
        return String(dataname[..<r.lowerBound])
    }
}
