import AWSClient
import GitKit

/// Why a plan could not be made, as one sentence for people (never a stack trace, never a
/// secret). The CLI prints it and exits 1.
public enum PlanError: Error, Sendable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case aws(AWSError)
    case git(GitError)
    case noStackInRegion(stack: String, region: String, blueprintRegion: String)
    case noSavedFacts(path: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): \(reason)"
        case .aws(let e):
            if case .service(let s) = e, RetryPolicyCodes.throttling.contains(s.code) {
                return "AWS throttled the requests (\(s.service) \(s.code)) and kept refusing after retries: wait a minute and plan again, or raise AWS_MAX_ATTEMPTS"
            }
            return e.description
        case .git(let e): return "git: \(e.message)" + (e.hint.map { " (\($0))" } ?? "")
        case .noStackInRegion(let stack, let region, let blueprintRegion):
            return "no stack \"\(stack)\" in \(region), and the blueprint's REGION is \(blueprintRegion): drop --region, or fix REGION if the pipeline really lives in \(region)"
        case .noSavedFacts(let path):
            return "--refresh=false needs the live facts of an earlier saved plan, and \(path) has none: run bpctl plan -out \(path) once with AWS access"
        }
    }
}

enum RetryPolicyCodes {
    static let throttling: Set<String> = ["Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
                                          "TooManyRequestsException", "RequestLimitExceeded", "SlowDown", "EC2ThrottledException"]
}
