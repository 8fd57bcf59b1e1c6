#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// IAM naming as NeuroCAAS derives it (blueprint-reference §4.4-4.6, §4.9).
public enum IAMNames {
    /// IAM user and group names: letters, digits and + = , . @ _ -
    public static func isLegal(_ name: String) -> Bool {
        // Bytes first: a legal name is ASCII, and the scalar properties cost ~1 K instructions.
        if let legal = isLegalASCII(name) { return legal }
        return isLegalByScalars(name)
    }

    /// nil when `name` is not ASCII (then only the scalar check can say).
    static func isLegalASCII(_ name: String) -> Bool? {
        var legal = !name.isEmpty
        for b in name.utf8 {
            if b >= 0x80 { return nil }
            if !(ASCII.isAlphanumeric(b) || legalPunctuation.contains(b)) { legal = false }
        }
        return legal
    }
    private static let legalPunctuation = Array("+=,.@_-".utf8)

    static func isLegalByScalars(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "+=,.@_-".unicodeScalars.contains($0)
        }
    }

    public static let maxUserName = 64
    public static let maxGroupName = 128
    public static let maxGroupsPerUser = 10

    /// The IAM user a UserNames entry stands for.
    public static func user(_ name: String, region: String) -> String { name + region }

    /// The IAM group name the deploy creates for an affiliate, by STAGE.
    public static func group(affiliate: String, pipeline: String, stage: String?) -> String {
        let pipeid = pipelineID(pipeline)
        switch stage {
        case "develop": return affiliate + "group"
        case "webdev": return affiliate + pipeid + "group"
        default: return affiliate + pipeid + "substackgroup"
        }
    }

    /// PipelineName without '-' (by bytes for ASCII, where each Character is one byte).
    static func pipelineID(_ pipeline: String) -> String {
        guard pipeline.utf8.contains(UInt8(ascii: "-")) else { return pipeline }
        if pipeline.isASCIIBytes { return String(decoding: pipeline.utf8.filter { $0 != UInt8(ascii: "-") }, as: UTF8.self) }
        return String(pipeline.filter { $0 != "-" })
    }
}
