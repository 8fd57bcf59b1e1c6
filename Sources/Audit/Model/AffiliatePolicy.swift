import Foundation

/// The inline policy the deploy gives an affiliate's group (blueprint-reference §4.7), and a
/// comparison that ignores Sids, order and list-vs-string spelling.
public enum AffiliatePolicy {
    /// Inline policy name: `<aff>policy`.
    public static func name(affiliate: String) -> String { affiliate + "policy" }

    public static func document(affiliate a: String, bucket b: String) -> String {
        let arn = "arn:aws:s3:::\(b)"
        let exact = ["", "\(a)/", "\(a)/inputs", "\(a)/results", "logs", "\(a)/submissions", "\(a)/configs",
                     "\(a)/inputs/", "\(a)/results/", "\(a)/submissions/", "\(a)/configs/"]
        let like = ["inputs", "results", "configs", "submissions"].map { "\(a)/\($0)/*" }
        let statements: [[String: Any]] = [
            ["Effect": "Allow", "Action": ["s3:GetBucketLocation", "s3:HeadBucket", "s3:ListAllMyBuckets"], "Resource": "*"],
            ["Sid": "ListBucket", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": arn,
             "Condition": ["StringEquals": ["s3:prefix": exact, "s3:delimiter": ["/"]]]],
            ["Sid": "ListSubBucket", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": arn,
             "Condition": ["StringLike": ["s3:prefix": like]]],
            ["Sid": "Inputfolderwrite", "Effect": "Allow", "Action": ["s3:PutObject", "s3:DeleteObject"],
             "Resource": ["inputs", "configs", "submissions"].map { "\(arn)/\(a)/\($0)/*" }],
            ["Sid": "Outputfolderwrite", "Effect": "Allow", "Action": ["s3:GetObject", "s3:DeleteObject"],
             "Resource": ["results", "configs"].map { "\(arn)/\(a)/\($0)/*" }],
        ]
        let data = try? JSONSerialization.data(withJSONObject: ["Version": "2012-10-17", "Statement": statements], options: [.sortedKeys])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// Each (effect, action, resource, condition) a document grants, as one comparable line.
    /// nil when the text is not a policy document.
    public static func grants(_ document: String) -> Set<String>? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any] else { return nil }
        let statements: [[String: Any]]
        if let list = object["Statement"] as? [[String: Any]] { statements = list }
        else if let one = object["Statement"] as? [String: Any] { statements = [one] }
        else { return nil }
        var out = Set<String>()
        for s in statements {
            let effect = s["Effect"] as? String ?? "?"
            let condition = s["Condition"].map(canonical) ?? ""
            for action in strings(s["Action"]) {
                for resource in strings(s["Resource"]) {
                    out.insert("\(effect) \(action.lowercased()) on \(resource)\(condition.isEmpty ? "" : " if \(condition)")")
                }
            }
        }
        return out
    }

    /// The resources of every statement (to find which buckets a group reaches).
    public static func resources(_ document: String) -> [String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any] else { return [] }
        let statements = (object["Statement"] as? [[String: Any]]) ?? ((object["Statement"] as? [String: Any]).map { [$0] } ?? [])
        return statements.filter { ($0["Effect"] as? String) == "Allow" }.flatMap { strings($0["Resource"]) }
    }

    private static func strings(_ v: Any?) -> [String] {
        if let s = v as? String { return [s] }
        return (v as? [Any])?.compactMap { $0 as? String } ?? []
    }

    /// Condition blocks with sorted keys and value lists, so `"x"` and `["x"]` compare equal.
    private static func canonical(_ v: Any) -> String {
        if let d = v as? [String: Any] {
            return "{" + d.keys.sorted().map { "\($0)=\(canonical(d[$0]!))" }.joined(separator: ",") + "}"
        }
        let values = (v as? [Any]) ?? [v]
        return "[" + values.map { "\($0)" }.sorted().joined(separator: ",") + "]"
    }
}
