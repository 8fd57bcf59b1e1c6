import PlatformSupport

struct FleetGroupNameRule: FleetRule {
    static let description = RuleDescription(
        id: "BP162", name: "fleet-group-name", severity: .error,
        summary: "Two pipelines would create the same IAM group (develop-stage affiliates share '<aff>group').",
        rationale: "develop names an affiliate's group '<AffiliateName>group' with no pipeline suffix, so two develop pipelines with one affiliate name fight over a single IAM group.",
        triggering: [.fleet([[("\"STAGE\": \"websubstack\"", "\"STAGE\": \"develop\"")],
                             [("\"STAGE\": \"websubstack\"", "\"STAGE\": \"develop\""), ("\"PipelineName\": \"epi-analysis\"", "\"PipelineName\": \"dlc-analysis\"")]])],
        nonTriggering: [.fleet([[], [("\"PipelineName\": \"epi-analysis\"", "\"PipelineName\": \"dlc-analysis\"")]])])

    func check(_ fleet: [Blueprint], _ context: RuleContext) -> [Diagnostic] {
        // group → (owner's position in fleet, its AffiliateName field); code points, case folded
        // as IAM does. A position, not a Blueprint copy (copies cost more than the rest).
        var owners = NameMap<(Int, Field)>(capacity: fleet.count * 2)
        var out: [Diagnostic] = []
        for b in fleet.indices {
            let bp = fleet[b]
            guard let pipeline = bp.pipelineNameValue else { continue }
            let affiliates = bp.affiliates
            for i in affiliates.indices { // by index: the field alone is read, not a copy of each Affiliate
                guard let field = affiliates[i].name, let name = field.realString else { continue }
                let group = Self.lowercasedGroup(affiliate: name, pipeline: pipeline, stage: bp.stageValue)
                if let p = owners.position(of: group) {
                    let (ownerAt, ownerField) = owners[p]
                    let owner = fleet[ownerAt]
                    // Same pipeline twice is BP160's finding.
                    guard owner.pipelineNameValue.map(pipeline.sameScalars) != true else { continue }
                    out.append(finding(bp, at: field.node.range, pointer: field.pointer,
                                       "affiliate '\(name)' creates IAM group '\(group)', which \(owner.source.path) also creates",
                                       hint: "suffix develop-stage affiliate names with the pipeline (e.g. '\(name)\(pipeline.replacingAll("-", with: ""))'), or use websubstack",
                                       related: [.init(message: "same group here", file: owner.source.path,
                                                       location: owner.source.location(of: ownerField.node.range.start))]))
                } else {
                    owners.append(group, (b, field))
                }
            }
        }
        return out
    }

    /// `IAMNames.group(...).lowercased()`, in one pass over the bytes when the names are ASCII
    /// (ASCII lowercasing is A-Z to a-z); three Strings a name cost 4 K instructions.
    static func lowercasedGroup(affiliate: String, pipeline: String, stage: String?) -> String {
        guard affiliate.isASCIIBytes, pipeline.isASCIIBytes else {
            return IAMNames.group(affiliate: affiliate, pipeline: pipeline, stage: stage).lowercased()
        }
        let suffix = stage == "develop" || stage == "webdev" ? "group" : "substackgroup"
        var out: [UInt8] = []
        out.reserveCapacity(affiliate.utf8.count + pipeline.utf8.count + suffix.utf8.count)
        func lower(_ b: UInt8) -> UInt8 { ASCII.isUpper(b) ? b + 0x20 : b }
        for b in affiliate.utf8 { out.append(lower(b)) }
        if stage != "develop" { for b in pipeline.utf8 where b != UInt8(ascii: "-") { out.append(lower(b)) } }
        out.append(contentsOf: suffix.utf8)
        return String(decoding: out, as: UTF8.self)
    }
}
