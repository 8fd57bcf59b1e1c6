import Applier
import AWSClient
import Foundation

/// create-devami and update-blueprint, through the applier's AMI path: CreateImage with tags,
/// a wait until the image is available, and the byte-preserving AMI edit of the blueprint between
/// two git commits. The session only records which AMI came from which instance.
extension DevSession {
    /// Image the selected instance (it reboots, as with the Python tool) and wait until the image
    /// is available; record it so terminate allows the instance to go.
    public func createAMI(name: String?) async throws -> AMIUpdate.Outcome {
        let (m, i) = try selected()
        try require(i, in: ["running", "stopped"], to: "save an AMI", hint: "wait until it is running or stopped")
        var request = AMIUpdate.Request(instanceID: i.id, name: name)
        request.pollInterval = options.pollInterval
        request.timeout = max(options.waitLimit, 3600)
        let outcome = try await AMIUpdate.createAndRecord(request, client: client, progress: options.log)
        // The applier tags the pipeline only when it edits a blueprint; tag it here so
        // `bpctl ami list` finds images saved from dev instances too.
        try await ec2.createTags(resources: [outcome.imageID], tags: [AMIUpdate.Tag.pipeline: try blueprint.pipelineName])
        state.update(m.id) { $0.amis.append(outcome.imageID) }
        state.amiHistory.append(outcome.imageID)
        try save()
        return outcome
    }

    /// Write an AMI (default: the newest saved with create-devami) into the blueprint, with the
    /// before/after commits.
    public func updateBlueprint(ami: String?, message: String?) throws -> BlueprintAMIUpdate.Outcome {
        guard let target = ami ?? state.amiHistory.last else {
            throw DevError(.refused, "There is no record of an AMI that can be used to update the blueprint.",
                           hint: "save one with create-devami -n NAME, or pass -a ami-…")
        }
        return try BlueprintAMIUpdate(blueprint: blueprint.path).apply(ami: target, message: message ?? "Not given")
    }
}
