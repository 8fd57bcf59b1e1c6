import BlueprintKit
import Foundation

/// `artifact_bucket:` from the nearest `.bpctl.yaml` beside or above a blueprint (the same
/// file `bpctl validate` reads its suppressions from).
public enum ArtifactBucketSetting {
    public static func find(forBlueprint blueprint: String) throws -> String? {
        var dir = URL(fileURLWithPath: blueprint).standardizedFileURL.deletingLastPathComponent()
        while true {
            let candidate = dir.appendingPathComponent(".bpctl.yaml").path
            if FileManager.default.fileExists(atPath: candidate) {
                switch Document.load(path: candidate) {
                case .failure(let e):
                    throw ApplyError("\(candidate):\(e.source.location(of: e.error.offset)): \(e.error.message)")
                case .success(let doc):
                    guard let node = doc.root["artifact_bucket"] else { return nil }
                    guard let name = node.string, !name.isEmpty else {
                        throw ApplyError("\(candidate):\(doc.source.location(of: node.range.start)): artifact_bucket must be a bucket name")
                    }
                    return name
                }
            }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return nil }
            dir = parent
        }
    }
}
