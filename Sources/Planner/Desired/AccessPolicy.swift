import Foundation

/// The affiliate group's inline policy as the deploy writes it (blueprint-reference §4.7): the
/// same statements in all three stages. Built as JSON text so it can be compared statement by
/// statement with what IAM holds.
public enum AccessPolicy {
    public static func name(affiliate: String) -> String { affiliate + "policy" }

    public static func document(bucket: String, affiliate a: String) -> String {
        let b = "arn:aws:s3:::\(bucket)"
        let prefixes = ["", "\(a)/", "\(a)/inputs", "\(a)/results", "logs", "\(a)/submissions", "\(a)/configs",
                        "\(a)/inputs/", "\(a)/results/", "\(a)/submissions/", "\(a)/configs/"]
        let statements: [[String: Any]] = [
            ["Effect": "Allow", "Action": ["s3:GetBucketLocation", "s3:HeadBucket", "s3:ListAllMyBuckets"], "Resource": "*"],
            ["Sid": "ListBucket", "Effect": "Allow", "Action": ["s3:ListBucket"], "Resource": [b],
             "Condition": ["StringEquals": ["s3:prefix": prefixes, "s3:delimiter": ["/"]]]],
            ["Sid": "ListSubBucket", "Effect": "Allow", "Action": ["s3:ListBucket"], "Resource": [b],
             "Condition": ["StringLike": ["s3:prefix": ["\(a)/inputs/*", "\(a)/results/*", "\(a)/configs/*", "\(a)/submissions/*"]]]],
            ["Sid": "Inputfolderwrite", "Effect": "Allow", "Action": ["s3:PutObject", "s3:DeleteObject"],
             "Resource": ["\(b)/\(a)/inputs/*", "\(b)/\(a)/configs/*", "\(b)/\(a)/submissions/*"]],
            ["Sid": "Outputfolderwrite", "Effect": "Allow", "Action": ["s3:GetObject", "s3:DeleteObject"],
             "Resource": ["\(b)/\(a)/results/*", "\(b)/\(a)/configs/*"]],
        ]
        let doc: [String: Any] = ["Version": "2012-10-17", "Statement": statements]
        let data = (try? JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// The folders the substack's custom resources create for an affiliate (§4.5).
    public static func folders(affiliate a: String) -> [String] {
        ["\(a)/", "\(a)/inputs/", "\(a)/results/", "\(a)/submissions/", "\(a)/configs/"]
    }
}
