/// Findings about the account that are not changes but decide whether a deploy can work: users
/// that must exist, the AMI, the instance type, a stack stuck in a failed state.
enum LiveChecks {
    static func checks(desired: DesiredState, facts: LiveFacts) -> [PlanCheck] {
        var out: [PlanCheck] = []
        if let status = facts.stack?.status {
            if status == "ROLLBACK_COMPLETE" {
                out.append(.init(.error, "stack \(facts.stackName) is ROLLBACK_COMPLETE (its creation failed): CloudFormation cannot update it; delete it first"))
            } else if status.hasSuffix("_FAILED") || status.hasSuffix("IN_PROGRESS") {
                out.append(.init(.warning, "stack \(facts.stackName) is \(status): a deploy now may be refused or roll back"))
            }
        }
        if let ami = facts.imageID {
            if let image = facts.image {
                if image.state != "available" { out.append(.init(.error, "AMI \(ami) is \(image.state), not available: jobs cannot launch from it")) }
                if let t = image.deprecationTime { out.append(.init(.warning, "AMI \(ami) is deprecated (or will be) at \(t)")) }
            } else {
                out.append(.init(.error, "AMI \(ami) does not exist in \(facts.region) (AMI ids are regional): every job would fail at RunInstances"))
            }
        }
        if let type = facts.instanceType, facts.instanceTypeOffered == false {
            out.append(.init(.error, "instance type \(type) is not offered in \(facts.region): every job would fail at RunInstances"))
        }
        for (user, exists) in facts.users.sorted(by: { $0.key < $1.key }) where !exists {
            out.append(.init(.error, "IAM user \(user) does not exist: the deploy compiles only when every listed user exists (create it with the user-profile stack first)"))
        }
        return out
    }
}
