/// Lambda reads for `bpctl plan`.
extension Lambda {
    /// nil when there is no such function.
    public func configurationIfExists(_ function: String) async throws -> Configuration? {
        do {
            return try await getFunctionConfiguration(function)
        } catch AWSError.service(let e) where e.code == "ResourceNotFoundException" {
            return nil
        }
    }
}
