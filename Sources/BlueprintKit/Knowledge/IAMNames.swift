/// IAM naming as NeuroCAAS derives it (blueprint-reference §4.4-4.6, §4.9).
public enum IAMNames {
    /// IAM user and group names: letters, digits and + = , . @ _ -
    public static func isLegal(_ name: String) -> Bool {
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
        let pipeid = String(pipeline.filter { $0 != "-" })
        switch stage {
        case "develop": return affiliate + "group"
        case "webdev": return affiliate + pipeid + "group"
        default: return affiliate + pipeid + "substackgroup"
        }
    }
}

import Foundation
