/// SSM Parameter Store calls for job checks and monitoring: the job manager reads a group's
/// budget from `/neurocaas/budgets/<group>/<PipelineName>` (blueprint reference §5.5).
extension SSM {
    /// The parameter's value, or nil when it does not exist (the job manager then uses MAXCOST).
    public func getParameter(_ name: String) async throws -> String? {
        do {
            let r = try await client.json11(.ssm, target: "AmazonSSM.GetParameter", ["Name": name])
            guard let value = (r["Parameter"] as? [String: Any])?["Value"] as? String else {
                throw AWSError.malformedResponse("GetParameter without Parameter.Value")
            }
            return value
        } catch AWSError.service(let e) where e.code == "ParameterNotFound" {
            return nil
        }
    }

    /// Write a String parameter (admins' `put_budget_parameter`; tests lay out budgets with it).
    public func putParameter(_ name: String, value: String, overwrite: Bool = true) async throws {
        _ = try await client.json11(.ssm, target: "AmazonSSM.PutParameter",
                                    ["Name": name, "Value": value, "Type": "String", "Overwrite": overwrite])
    }
}
