import AWSClient
import BlueprintKit
import Foundation
import GitKit
import Planner

/// Everything a new analysis needs before CreateStack: the code packages (zipped CodeUri and
/// PostCodeUri, content-addressed so a repeated upload is the same object), the affiliate
/// template under websubstack, and the compiled stack template that names them.
public struct StackCreation: Sendable, Equatable {
    public struct Artifact: Sendable, Equatable {
        public let key: String
        public let bytes: [UInt8]
    }

    public let stack: String
    public let bucket: String
    public let artifacts: [Artifact]
    public let template: String

    public static func prepare(_ d: DesiredState, blueprintPath: String, artifactBucket: String?) throws -> StackCreation {
        guard let bucket = artifactBucket, !bucket.isEmpty else {
            throw ApplyError("creating the analysis \(d.pipeline) needs an artifact bucket for its Lambda code",
                             hint: "name one with --artifact-bucket BUCKET or `artifact_bucket: BUCKET` in .bpctl.yaml beside or above the blueprint")
        }
        let dir = URL(fileURLWithPath: blueprintPath).deletingLastPathComponent()
        var artifacts: [Artifact] = []
        func package(_ field: Field?) throws -> TemplateCompiler.Code? {
            guard let uri = field?.node.string, !uri.isEmpty else { return nil }
            let path = uri.hasPrefix("/") ? uri : dir.appendingPathComponent(uri).standardizedFileURL.path
            let zip = try ZipWriter.archive(try ZipWriter.entries(directory: path))
            // The same directory for CodeUri and PostCodeUri is one object.
            let key = "bpctl/\(d.pipeline)/code-\(Crypto.hex(Crypto.sha256(zip)).prefix(16)).zip"
            if !artifacts.contains(where: { $0.key == key }) { artifacts.append(Artifact(key: key, bytes: zip)) }
            return TemplateCompiler.Code(bucket: bucket, key: key)
        }
        guard let code = try package(d.blueprint.lambda?.codeUri) else {
            throw ApplyError("\(blueprintPath): Lambda.CodeUri is missing; a new analysis needs the protocol code")
        }
        let post = d.blueprint.lambda?.postHandler == nil ? nil : try package(d.blueprint.lambda?.postCodeUri)
        var substackURL: String?
        if d.stage == "websubstack" {
            let sub = Array(TemplateCompiler.userSubstack(pipeline: d.pipeline).utf8)
            let key = "bpctl/\(d.pipeline)/user-substack-\(Crypto.hex(Crypto.sha256(sub)).prefix(16)).json"
            artifacts.append(Artifact(key: key, bytes: sub))
            let host = d.region == "us-east-1" || d.region.isEmpty ? "s3.amazonaws.com" : "s3.\(d.region).amazonaws.com"
            substackURL = "https://\(bucket).\(host)/\(key)"
        }
        let head = (try? GitRepository.discover(containing: blueprintPath)).flatMap { try? $0?.headCommitID() } ?? "unknown"
        let template = TemplateCompiler.compile(d, code: code, postCode: post, substackTemplateURL: substackURL, versionID: head)
        return StackCreation(stack: d.pipeline, bucket: bucket, artifacts: artifacts, template: template)
    }
}
