import AWSClient
import Foundation

/// A new analysis through CloudFormation: upload the artifacts, CreateStack (or a reviewed
/// CREATE change set) from the compiled template, wait for CREATE_COMPLETE or the rollback.
enum StackCreate {
    static func upload(_ creation: StackCreation, client: AWSClient, progress: @Sendable (String) -> Void) async throws {
        let s3 = S3(client)
        for a in creation.artifacts {
            do {
                let uploaded = try await s3.putArtifact(bucket: creation.bucket, key: a.key, body: a.bytes,
                                                        contentType: a.key.hasSuffix(".zip") ? "application/zip" : "application/json")
                progress("s3://\(creation.bucket)/\(a.key): \(uploaded ? "uploaded (\(a.bytes.count) bytes)" : "already there")")
            } catch AWSError.service(let e) where e.code == "NoSuchBucket" {
                throw ApplyError("the artifact bucket \(creation.bucket) does not exist",
                                 hint: "create it (aws s3 mb s3://\(creation.bucket)) or name another with --artifact-bucket")
            }
        }
    }

    static func run(_ creation: StackCreation, client: AWSClient, options: ApplyRun.Options, progress: @Sendable (String) -> Void) async throws {
        let cfn = CloudFormation(client), stack = creation.stack
        let existing = try await cfn.describeStack(stack)
        if let s = existing, s.status != "REVIEW_IN_PROGRESS" {
            // A resumed run finds the stack its interrupted predecessor created.
            if s.status == "CREATE_COMPLETE" || s.status == "UPDATE_COMPLETE" { return progress("stack \(stack) already exists (\(s.status))") }
            if s.status.hasSuffix("_IN_PROGRESS"), !s.status.contains("ROLLBACK") {
                return try await StackUpdate.wait(stack, cfn, operation: "creation", pollInterval: options.pollInterval, timeout: options.stackTimeout, progress: progress)
            }
            let cause = await StackUpdate.failure(stack, cfn)
            throw ApplyError("stack \(stack) exists in state \(s.status) from an earlier failed creation: \(cause)",
                             hint: "a rolled-back stack cannot be updated; delete it (aws cloudformation delete-stack --stack-name \(stack)), then apply again")
        }
        // A stack left in REVIEW_IN_PROGRESS (a change set created but never executed) can only
        // be created through a change set.
        if options.changeSet || existing?.status == "REVIEW_IN_PROGRESS" {
            guard try await ChangeSetReview.run(stack: stack, template: creation.template, type: "CREATE", client: client, options: options, progress: progress) else { return }
        } else {
            _ = try await cfn.createStack(stack, template: creation.template, capabilities: StackUpdate.capabilities)
        }
        try await StackUpdate.wait(stack, cfn, operation: "creation", pollInterval: options.pollInterval, timeout: options.stackTimeout, progress: progress)
    }
}
