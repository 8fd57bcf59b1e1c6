struct NoAffiliatesRule: Rule {
    static let description = RuleDescription(
        id: "BP150", name: "no-affiliates", severity: .warning,
        summary: "UXData.Affiliates is empty.",
        rationale: "Without an affiliate no user group is created, so nobody can submit jobs to the pipeline.",
        triggering: [.json("""
            {"PipelineName": "epi-analysis", "REGION": "us-east-1", "STAGE": "websubstack",
             "Lambda": {"CodeUri": "../../protocols", "Handler": "submit_start.handler_develop",
                        "LambdaConfig": {"AMI": "ami-0123456789abcdef0", "INSTANCE_TYPE": "t2.micro", "REGION": "us-east-1",
                                         "IAM_ROLE": "SSMRole", "KEY_NAME": "k", "COMMAND": "true"}},
             "UXData": {"Affiliates": []}}
            """)],
        nonTriggering: [.clean])

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard let field = bp.uxData?.affiliatesField, let list = field.node.elements, list.isEmpty else { return [] }
        return [finding(bp, field, "UXData.Affiliates is empty: no group can use this pipeline",
                        hint: "add an affiliate: { \"AffiliateName\": \"mylab\", \"UserNames\": [\"me\"], \"UserInput\": true }")]
    }
}
