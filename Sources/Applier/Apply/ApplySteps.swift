import BlueprintKit
import Planner

/// A plan → the ordered steps that carry it out: the stack's function changes first (one
/// UpdateStack), then affiliates created or updated, then affiliates removed, so a replaced
/// group exists before the old one goes. Folders and user data are never deleted.
public enum ApplySteps {
    public static func from(_ plan: Plan, desired: DesiredState, artifactBucket: String? = nil) throws -> [ApplyStep] {
        guard plan.kind == .plan else { throw ApplyError("\(plan.blueprint.path) is a diff, not a plan; `bpctl apply` needs a plan (`bpctl plan -out FILE`)") }
        if let error = plan.checks.first(where: { $0.severity == .error }) {
            throw ApplyError("the plan cannot be applied: \(error.message)", hint: "fix it (the plan's checks list it) and plan again")
        }
        var unsupported: [String] = []
        var functions: [ApplyStep.FunctionChange] = []
        var affiliateSteps: [ApplyStep] = []
        var removals: [ApplyStep] = []
        // A new stack (no stack of this PipelineName) is compiled and created whole: its
        // functions come with it; its affiliates follow through IAM and S3 as for any stack.
        let creating = plan.actionable.contains { $0.type == ResourceAddress.stackType && $0.action == .create }
        for change in plan.actionable {
            switch change.type {
            case ResourceAddress.stackType:
                if change.action != .create { unsupported.append("\(change.address) \(change.action.phrase)") }
            case ResourceAddress.functionType:
                if creating, change.action == .create { continue }
                guard change.action == .update else { unsupported.append("\(change.address) \(change.action.phrase)"); continue }
                functions.append(functionChange(change))
            case ResourceAddress.affiliateType:
                let name = Self.name(of: change.address)
                if change.action == .delete {
                    removals += deletion(change, affiliate: name, plan: plan)
                } else if let a = desired.affiliates.first(where: { $0.name == name }) {
                    let (adds, removes) = affiliate(change, a, bucket: desired.pipeline, plan: plan)
                    affiliateSteps += adds
                    removals += removes
                }
            default:
                unsupported.append("\(change.address) (\(change.type)) \(change.action.phrase)")
            }
        }
        if !unsupported.isEmpty {
            throw ApplyError("bpctl apply creates analyses and changes Lambda settings and affiliates of a deployed one; this plan also needs: \(unsupported.joined(separator: "; "))",
                             hint: "deploy other stack-level changes (STAGE, the bucket) with the NeuroCAAS deploy script, then plan again")
        }
        if creating {
            let creation = try StackCreation.prepare(desired, blueprintPath: plan.blueprint.path, artifactBucket: artifactBucket)
            return [.uploadArtifacts(creation), .createStack(creation)] + affiliateSteps + removals
        }
        // websubstack: the nested stacks follow the affiliate list whenever an affiliate's
        // position or members change (they own the group on real AWS; see docs/design.md).
        var substacks: [String: [String: String]]?
        let affiliateChanges = plan.actionable.filter { $0.type == ResourceAddress.affiliateType }
        if desired.stage == "websubstack", affiliateChanges.contains(where: { c in c.attributes.contains { $0.name == "substack" || $0.name == "members" } }) {
            substacks = Dictionary(uniqueKeysWithValues: desired.affiliates.map {
                (ResourceAddress.substack($0.index), ["Name": $0.name, "BucketName": desired.pipeline, "UserNames": $0.members.joined(separator: ",")])
            })
        }
        let stackSteps: [ApplyStep] = functions.isEmpty && substacks == nil ? [] : [.updateStack(stack: plan.pipeline, functions: functions, substacks: substacks)]
        return stackSteps + affiliateSteps + removals
    }

    static func functionChange(_ change: Change) -> ApplyStep.FunctionChange {
        var env: [String: String?] = [:]
        var handler: String?
        var timeout: Int?
        for a in change.attributes where a.after.isKnown {
            if a.name.hasPrefix("environment.") {
                let key = String(a.name.dropFirst("environment.".count))
                if case .string(let s) = a.after { env[key] = .some(s) } else if a.after == .null { env[key] = .some(nil) }
            } else if a.name == "handler", case .string(let s) = a.after {
                handler = s
            } else if a.name == "timeout", case .string(let s) = a.after {
                timeout = Int(s)
            }
        }
        return .init(logicalID: name(of: change.address), environment: env, handler: handler, timeout: timeout)
    }

    /// Steps for an affiliate that is created, updated or replaced (a new group name).
    static func affiliate(_ change: Change, _ a: DesiredState.Affiliate, bucket: String, plan: Plan) -> ([ApplyStep], [ApplyStep]) {
        let policy = ApplyStep.putGroupPolicy(group: a.group, name: AccessPolicy.name(affiliate: a.name),
                                             document: AccessPolicy.document(bucket: bucket, affiliate: a.name))
        let folders = AccessPolicy.folders(affiliate: a.name).filter { !(plan.live?.facts.folders[$0] ?? false) }
            .map { ApplyStep.createFolder(bucket: bucket, key: $0) }
        let groupChange = change.attributes.first { $0.name == "group" }
        var oldGroup: String?
        if case .string(let old)? = groupChange?.before, old != a.group { oldGroup = old }
        if change.action == .create || oldGroup != nil {
            var adds: [ApplyStep] = [.createGroup(a.group), policy] + a.members.map { .addUser(user: $0, group: a.group) } + folders
            var removes: [ApplyStep] = []
            if let oldGroup {
                let members = (plan.live?.facts.groups[oldGroup] ?? nil)?.members ?? []
                removes = members.map { .removeUser(user: $0, group: oldGroup) } +
                    [.deleteGroupPolicy(group: oldGroup, name: AccessPolicy.name(affiliate: a.name)), .deleteGroup(oldGroup)]
            }
            if change.action == .create { adds = adds.filter { $0 != .createGroup(a.group) || !(groupExists(a.group, plan)) } }
            return (adds, removes)
        }
        var steps: [ApplyStep] = []
        if let members = change.attributes.first(where: { $0.name == "members" }) {
            let before = Set(list(members.before)), after = Set(list(members.after))
            steps += after.subtracting(before).sorted().map { .addUser(user: $0, group: a.group) }
            steps += before.subtracting(after).sorted().map { .removeUser(user: $0, group: a.group) }
        }
        if change.attributes.contains(where: { $0.name == "policy" }) { steps.append(policy) }
        if change.attributes.contains(where: { $0.name == "folders" }) { steps += folders }
        return (steps, [])
    }

    /// An affiliate no longer in the blueprint: memberships, policy and group go; folders stay.
    static func deletion(_ change: Change, affiliate: String, plan: Plan) -> [ApplyStep] {
        guard case .string(let group)? = change.attributes.first(where: { $0.name == "group" })?.before else { return [] }
        let members = list(change.attributes.first { $0.name == "members" }?.before ?? .null)
        return members.map { .removeUser(user: $0, group: group) } +
            [.deleteGroupPolicy(group: group, name: AccessPolicy.name(affiliate: affiliate)), .deleteGroup(group)]
    }

    static func groupExists(_ group: String, _ plan: Plan) -> Bool { (plan.live?.facts.groups[group] ?? nil) != nil }

    static func list(_ v: PlanValue) -> [String] {
        if case .list(let l) = v { return l }
        return []
    }

    /// `affiliate["lab"]` → lab.
    static func name(of address: String) -> String {
        guard let open = address.firstIndex(of: "\""), let close = address.lastIndex(of: "\""), open < close else { return address }
        return String(address[address.index(after: open)..<close])
    }
}
