/// One remote mutation of an apply, small enough to journal on its own: if a run stops, the
/// journal says which of these were done and a resumed run skips exactly those.
public enum ApplyStep: Sendable, Equatable, CustomStringConvertible {
    /// One CloudFormation UpdateStack carrying every function change (environment, handler,
    /// timeout) and, under websubstack, the affiliates' nested stacks (`substacks`: logical id →
    /// parameters, the whole desired set), since CloudFormation owns those resources.
    case updateStack(stack: String, functions: [FunctionChange], substacks: [String: [String: String]]?)
    /// A new analysis: its code packages and nested templates into the artifact bucket, then
    /// CreateStack from the compiled template (two steps, so a resumed run uploads nothing twice).
    case uploadArtifacts(StackCreation)
    case createStack(StackCreation)
    case createGroup(String)
    case putGroupPolicy(group: String, name: String, document: String)
    case addUser(user: String, group: String)
    case removeUser(user: String, group: String)
    case createFolder(bucket: String, key: String)
    case deleteGroupPolicy(group: String, name: String)
    case deleteGroup(String)

    public struct FunctionChange: Sendable, Equatable {
        public let logicalID: String
        /// Key → new value; nil removes the key.
        public let environment: [String: String?]
        public let handler: String?
        public let timeout: Int?
    }

    /// Stable id for the journal.
    public var id: String {
        switch self {
        case .updateStack(let stack, let functions, let substacks):
            return "stack:\(stack):update:" + (functions.map(\.logicalID) + (substacks?.keys.sorted() ?? [])).joined(separator: ",")
        case .uploadArtifacts(let c): return "s3:\(c.bucket):artifacts:" + c.artifacts.map(\.key).joined(separator: ",")
        case .createStack(let c): return "stack:\(c.stack):create"
        case .createGroup(let g): return "group:\(g):create"
        case .putGroupPolicy(let g, let n, _): return "group:\(g):policy:\(n)"
        case .addUser(let u, let g): return "group:\(g):add:\(u)"
        case .removeUser(let u, let g): return "group:\(g):remove:\(u)"
        case .createFolder(let b, let k): return "s3:\(b)/\(k)"
        case .deleteGroupPolicy(let g, let n): return "group:\(g):delete-policy:\(n)"
        case .deleteGroup(let g): return "group:\(g):delete"
        }
    }

    public var description: String {
        switch self {
        case .updateStack(let stack, let changes, let substacks):
            var keys: [String] = []
            for c in changes {
                keys += c.environment.keys.sorted().map { "\(c.logicalID).\($0)" }
                if c.handler != nil { keys.append("\(c.logicalID).Handler") }
                if c.timeout != nil { keys.append("\(c.logicalID).Timeout") }
            }
            if let substacks { keys.append("nested stacks " + substacks.keys.sorted().joined(separator: " ")) }
            return "update stack \(stack) (\(keys.joined(separator: ", ")))"
        case .uploadArtifacts(let c): return "upload \(c.artifacts.count) artifact\(c.artifacts.count == 1 ? "" : "s") to s3://\(c.bucket)"
        case .createStack(let c): return "create stack \(c.stack)"
        case .createGroup(let g): return "create IAM group \(g)"
        case .putGroupPolicy(let g, let n, _): return "put policy \(n) on group \(g)"
        case .addUser(let u, let g): return "add user \(u) to group \(g)"
        case .removeUser(let u, let g): return "remove user \(u) from group \(g)"
        case .createFolder(let b, let k): return "create folder s3://\(b)/\(k)"
        case .deleteGroupPolicy(let g, let n): return "delete policy \(n) from group \(g)"
        case .deleteGroup(let g): return "delete IAM group \(g)"
        }
    }
}
