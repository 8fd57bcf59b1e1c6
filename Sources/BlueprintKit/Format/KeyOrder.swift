/// The order keys take in a formatted blueprint: the template's order, as the field catalog
/// lists it (PipelineName, REGION, STAGE, Lambda, UXData; AMI, INSTANCE_TYPE, … in LambdaConfig).
/// Keys the catalog does not know keep their relative order after the known ones.
enum KeyOrder {
    /// Container pattern ("/UXData/Affiliates/*") → key → rank.
    private static let ranks: [String: [String: Int]] = {
        var out: [String: [String: Int]] = [:]
        for (i, spec) in FieldCatalog.all.enumerated() where out[spec.container]?[spec.key] == nil {
            out[spec.container, default: [:]][spec.key] = i
        }
        return out
    }()

    /// A container's pointer as a catalog pattern: array indices become `*`.
    static func pattern(_ pointer: String) -> String {
        guard let tokens = JSONPointer.tokens(pointer) else { return pointer }
        return tokens.map { token in Int(token).map { _ in "/*" } ?? "/" + token }.joined()
    }

    static func sorted(_ members: [Node.Member], in pointer: String) -> [Node.Member] {
        guard let rank = ranks[pattern(pointer)] else { return members }
        return members.enumerated().sorted { a, b in
            let ra = rank[a.element.key] ?? Int.max, rb = rank[b.element.key] ?? Int.max
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
    }
}
