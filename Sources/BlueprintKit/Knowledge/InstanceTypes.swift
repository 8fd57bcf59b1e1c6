/// EC2 instance types by family, offline. A family missing here is reported with a suggestion;
/// the list covers the general, compute, memory, storage and accelerated families in use.
public enum InstanceTypes {
    private static let small = ["nano", "micro", "small", "medium", "large", "xlarge", "2xlarge"]
    private static let std = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"]
    private static let nitro = std + ["32xlarge", "48xlarge", "metal"]

    /// family → sizes
    public static let families: [String: [String]] = [
        "t2": small, "t3": small, "t3a": small, "t4g": small,
        "m4": ["large", "xlarge", "2xlarge", "4xlarge", "10xlarge", "16xlarge"],
        "m5": std + ["metal"], "m5a": std, "m5d": std + ["metal"], "m5n": std + ["metal"], "m5zn": ["large", "xlarge", "2xlarge", "3xlarge", "6xlarge", "12xlarge", "metal"],
        "m6i": nitro, "m6a": nitro, "m6g": ["medium"] + std + ["metal"], "m7i": nitro, "m7a": nitro, "m7g": ["medium"] + std + ["metal"],
        "c4": ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge"],
        "c5": ["large", "xlarge", "2xlarge", "4xlarge", "9xlarge", "12xlarge", "18xlarge", "24xlarge", "metal"],
        "c5a": ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"],
        "c5n": ["large", "xlarge", "2xlarge", "4xlarge", "9xlarge", "18xlarge", "metal"],
        "c6i": nitro, "c6a": nitro, "c6g": ["medium"] + std + ["metal"], "c7i": nitro, "c7a": nitro, "c7g": ["medium"] + std + ["metal"],
        "r4": ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "16xlarge"],
        "r5": std + ["metal"], "r5a": std, "r5d": std + ["metal"], "r5n": std + ["metal"],
        "r6i": nitro, "r6a": nitro, "r6g": ["medium"] + std + ["metal"], "r7i": nitro, "r7a": nitro, "r7g": ["medium"] + std + ["metal"],
        "x1": ["16xlarge", "32xlarge"], "x1e": ["xlarge", "2xlarge", "4xlarge", "8xlarge", "16xlarge", "32xlarge"],
        "x2idn": ["16xlarge", "24xlarge", "32xlarge", "metal"], "z1d": ["large", "xlarge", "2xlarge", "3xlarge", "6xlarge", "12xlarge", "metal"],
        "i3": ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "16xlarge", "metal"], "i3en": ["large", "xlarge", "2xlarge", "3xlarge", "6xlarge", "12xlarge", "24xlarge", "metal"],
        "i4i": nitro, "d2": ["xlarge", "2xlarge", "4xlarge", "8xlarge"], "d3": ["xlarge", "2xlarge", "4xlarge", "8xlarge"],
        "p2": ["xlarge", "8xlarge", "16xlarge"],
        "p3": ["2xlarge", "8xlarge", "16xlarge"], "p3dn": ["24xlarge"],
        "p4d": ["24xlarge"], "p4de": ["24xlarge"], "p5": ["48xlarge"], "p5e": ["48xlarge"], "p5en": ["48xlarge"],
        "g3": ["4xlarge", "8xlarge", "16xlarge"], "g3s": ["xlarge"],
        "g4dn": ["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "metal"],
        "g4ad": ["xlarge", "2xlarge", "4xlarge", "8xlarge", "16xlarge"],
        "g5": ["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge"],
        "g5g": ["xlarge", "2xlarge", "4xlarge", "8xlarge", "16xlarge", "metal"],
        "g6": ["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge"],
        "g6e": ["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge"],
        "gr6": ["4xlarge", "8xlarge"],
        "inf1": ["xlarge", "2xlarge", "6xlarge", "24xlarge"], "inf2": ["xlarge", "8xlarge", "24xlarge", "48xlarge"],
        "trn1": ["2xlarge", "32xlarge"], "dl1": ["24xlarge"],
    ]

    public static let all: Set<String> = {
        var s = Set<String>()
        for (family, sizes) in families { for size in sizes { s.insert("\(family).\(size)") } }
        return s
    }()

    /// Looks the family up instead of building `all` (500 interpolated Strings, 0.8 M
    /// instructions for one lookup per validate run). The same answer: every known type is
    /// ASCII "family.size" with one dot, and no other text is canonically equivalent to one.
    public static func isKnown(_ type: String) -> Bool {
        guard type.isASCIIBytes, let dot = type.utf8.firstIndex(of: UInt8(ascii: ".")) else { return false }
        let family = String(type[..<dot]), size = String(type[type.index(after: dot)...])
        return families[family]?.contains(size) ?? false
    }

    /// Families with GPUs, for messages about cost.
    public static func isAccelerated(_ type: String) -> Bool {
        let family = type.split(separator: ".").first.map(String.init) ?? type
        return ["p", "g", "inf", "trn", "dl"].contains { family.hasPrefix($0) && family != "gr" }
    }
}
