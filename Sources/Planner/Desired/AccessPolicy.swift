/// The affiliate group's inline policy as the deploy writes it (blueprint-reference §4.7): the
/// same statements in all three stages, in canonical form so it compares statement by statement
/// with what IAM holds.
public enum AccessPolicy {
    public static func name(affiliate: String) -> String { affiliate + "policy" }

    public static func document(bucket: String, affiliate a: String) -> String {
        let b = "arn:aws:s3:::\(bucket)"
        func list(_ items: [String]) -> JSONValue { .array(items.map(JSONValue.string)) }
        let prefixes = ["", "\(a)/", "\(a)/inputs", "\(a)/results", "logs", "\(a)/submissions", "\(a)/configs",
                        "\(a)/inputs/", "\(a)/results/", "\(a)/submissions/", "\(a)/configs/"]
        let statements: [JSONValue] = [
            .object([("Effect", .string("Allow")), ("Action", list(["s3:GetBucketLocation", "s3:HeadBucket", "s3:ListAllMyBuckets"])),
                     ("Resource", .string("*"))]),
            .object([("Sid", .string("ListBucket")), ("Effect", .string("Allow")), ("Action", list(["s3:ListBucket"])), ("Resource", list([b])),
                     ("Condition", .object([("StringEquals", .object([("s3:prefix", list(prefixes)), ("s3:delimiter", list(["/"]))]))]))]),
            .object([("Sid", .string("ListSubBucket")), ("Effect", .string("Allow")), ("Action", list(["s3:ListBucket"])), ("Resource", list([b])),
                     ("Condition", .object([("StringLike", .object([("s3:prefix", list(["\(a)/inputs/*", "\(a)/results/*", "\(a)/configs/*", "\(a)/submissions/*"]))]))]))]),
            .object([("Sid", .string("Inputfolderwrite")), ("Effect", .string("Allow")), ("Action", list(["s3:PutObject", "s3:DeleteObject"])),
                     ("Resource", list(["\(b)/\(a)/inputs/*", "\(b)/\(a)/configs/*", "\(b)/\(a)/submissions/*"]))]),
            .object([("Sid", .string("Outputfolderwrite")), ("Effect", .string("Allow")), ("Action", list(["s3:GetObject", "s3:DeleteObject"])),
                     ("Resource", list(["\(b)/\(a)/results/*", "\(b)/\(a)/configs/*"]))]),
        ]
        return PolicyDocument.canonical(.object([("Version", .string("2012-10-17")), ("Statement", .array(statements))]))
    }

    /// The folders the substack's custom resources create for an affiliate (§4.5).
    public static func folders(affiliate a: String) -> [String] {
        ["\(a)/", "\(a)/inputs/", "\(a)/results/", "\(a)/submissions/", "\(a)/configs/"]
    }
}
