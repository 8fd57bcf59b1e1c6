import AWSClient
import BlueprintKit
import Foundation
import GitKit

/// `bpctl ami list` / `prune`: a pipeline's images (tagged by bpctl, or named by a blueprint)
/// and which blueprints reference each, in the working tree and in git history. An image is
/// unreferenced only when no version of any blueprint in the repository ever named it, so prune
/// never removes an image a `git revert` could bring back.
public enum AMIInventory {
    public struct Reference: Sendable, Equatable {
        /// Path relative to the repository root (or as given, outside a repository).
        public let path: String
        /// nil for the working tree; otherwise the newest commit whose version names the image.
        public let commit: String?
        public var description: String { commit.map { "\(path)@\($0.prefix(8))" } ?? path }
    }

    public struct Entry: Sendable {
        public let id: String
        /// nil when EC2 does not know the id (deregistered, or another account or region).
        public let image: EC2.ImageDetail?
        public let references: [Reference]
        public var inWorkingTree: Bool { references.contains { $0.commit == nil } }
        /// Made by bpctl for this pipeline and named by no blueprint anywhere.
        public var prunable: Bool { image != nil && references.isEmpty }
    }

    /// Every blueprint in the repository around `blueprint` (or just it, outside a repository),
    /// with the AMI each version names: image id → references.
    public static func references(around blueprint: String) throws -> [String: [Reference]] {
        var out: [String: [Reference]] = [:]
        func add(_ bytes: [UInt8], path: String, commit: String?) {
            guard case .success(let doc) = Document.parse(path: path, bytes: bytes),
                  let ami = JSONPointer.resolve(BlueprintAMIUpdate.amiPointer, in: doc.root)?.string else { return }
            out[ami, default: []].append(Reference(path: path, commit: commit))
        }
        guard let repo = try GitRepository.discover(containing: blueprint) else {
            if let bytes = FileManager.default.contents(atPath: blueprint) { add(Array(bytes), path: blueprint, commit: nil) }
            return out
        }
        let files = (try? FileDiscovery.blueprints(in: [repo.workdir])) ?? []
        var seenPaths = Set<String>()
        for file in files {
            guard let relative = repo.relativePath(file), seenPaths.insert(relative).inserted,
                  !relative.split(separator: "/").contains(".bpctl") else { continue }
            if let bytes = FileManager.default.contents(atPath: file) { add(Array(bytes), path: relative, commit: nil) }
            for version in try repo.versions(of: relative) {
                add(Array(version.contents), path: relative, commit: version.commit)
            }
        }
        // One reference per path and image: the working tree if it names it, else the newest
        // commit (references were added in that order).
        return out.mapValues { refs in
            var byPath: [String: Reference] = [:]
            for r in refs where byPath[r.path] == nil { byPath[r.path] = r }
            return byPath.values.sorted { ($0.commit == nil ? 0 : 1, $0.path) < ($1.commit == nil ? 0 : 1, $1.path) }
        }
    }

    /// The pipeline's images: those tagged with it by bpctl, plus any id a blueprint of this
    /// pipeline names (images made by the older tools carry no tags). Newest first.
    public static func list(pipeline: String, blueprint: String, client: AWSClient) async throws -> [Entry] {
        let refs = try references(around: blueprint)
        let ec2 = EC2(client)
        var images: [String: EC2.ImageDetail] = [:]
        for image in try await ec2.describeImageDetails(owners: ["self"], filters: ["tag:\(AMIUpdate.Tag.pipeline)": [pipeline]]) {
            images[image.id] = image
        }
        let ownIDs = try ownBlueprintAMIs(blueprint)
        for id in ownIDs where images[id] == nil {
            // One call per id: DescribeImages fails the whole call for any unknown id.
            if let image = try? await ec2.describeImageDetails(ids: [id]).first { images[id] = image }
        }
        let ids = Set(images.keys).union(ownIDs)
        return ids.map { Entry(id: $0, image: images[$0], references: refs[$0] ?? []) }
            .sorted { ($0.image?.creationDate ?? "", $0.id) > ($1.image?.creationDate ?? "", $1.id) }
    }

    /// AMIs this blueprint names now or in any committed version.
    static func ownBlueprintAMIs(_ blueprint: String) throws -> Set<String> {
        var out = Set<String>()
        if case .success(let doc) = Document.load(path: blueprint), let ami = JSONPointer.resolve(BlueprintAMIUpdate.amiPointer, in: doc.root)?.string {
            out.insert(ami)
        }
        if let repo = try GitRepository.discover(containing: blueprint), let relative = repo.relativePath(blueprint) {
            for version in try repo.versions(of: relative) {
                if case .success(let doc) = Document.parse(path: relative, bytes: Array(version.contents)),
                   let ami = JSONPointer.resolve(BlueprintAMIUpdate.amiPointer, in: doc.root)?.string { out.insert(ami) }
            }
        }
        return out
    }

    /// Deregister images; each result is the id and nil, or the error sentence for that image.
    public static func prune(_ ids: [String], client: AWSClient) async -> [(String, String?)] {
        let ec2 = EC2(client)
        var out: [(String, String?)] = []
        for id in ids {
            do {
                try await ec2.deregisterImage(id)
                out.append((id, nil))
            } catch {
                out.append((id, "\(error)"))
            }
        }
        return out
    }

    /// The table `bpctl ami list` prints.
    public static func renderText(_ entries: [Entry], pipeline: String) -> String {
        guard !entries.isEmpty else { return "No images found for pipeline \(pipeline).\n" }
        var rows = [["IMAGE", "STATE", "CREATED", "NAME", "REFERENCED BY"]]
        for e in entries {
            let refs = e.references.isEmpty ? "(none: prunable)" : e.references.map(\.description).joined(separator: ", ")
            rows.append([e.id, e.image?.state ?? "not found", e.image?.creationDate ?? "-", e.image?.name ?? "-",
                         e.image == nil && !e.references.isEmpty ? refs + " (image missing)" : refs])
        }
        let widths = (0..<4).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            (0..<4).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ") + "  " + row[4]
        }.joined(separator: "\n") + "\n"
    }
}
