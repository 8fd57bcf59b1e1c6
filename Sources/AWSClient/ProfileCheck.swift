/// Configuration mistakes found before any request: a named profile that does not exist (the
/// AWS CLI's ProfileNotFound), reported as such rather than as "no credentials" or "no region".
extension AWSEnvironment {
    /// Why the profile bpctl would use cannot be used, naming where it came from; nil when fine.
    public func profileProblem(explicit: String?) -> String? {
        let files = ConfigFiles(environment: self)
        let where_ = "\(credentialsFile) or \(configFile)"
        if let explicit {
            return files.hasProfile(explicit) ? nil : "--profile \(String(reflecting: explicit)): no such profile in \(where_)"
        }
        for variable in ["AWS_PROFILE", "AWS_DEFAULT_PROFILE"] {
            if let name = self[variable] {
                return files.hasProfile(name) ? nil : "\(variable)=\(name): no such profile in \(where_)"
            }
        }
        return nil
    }
}
