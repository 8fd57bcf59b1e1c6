/// What the NeuroCAAS job managers expect, by Handler (blueprint-reference §2.2, §5.8, §5.12).
/// Rules are versioned by protocol: legacy handlers get information, not errors.
public struct HandlerProtocol: Sendable {
    public enum Status: Sendable, Equatable {
        /// The current contract (submit_start.handler_develop / handler_ensemble).
        case current
        /// Still in the repo but legacy.
        case legacy
        /// Removed from the repo; the stack would deploy a Lambda that cannot start.
        case removed(String)
    }

    public let handler: String
    public let status: Status
    /// How many values the handler passes to COMMAND.format (nil: its own, unchecked format).
    public let placeholders: Int?
    /// What the values are, in order (for messages).
    public let slots: [String]
}

public enum Protocols {
    public static let currentSlots = ["the input bucket", "the dataset key", "the result prefix", "the config key"]

    public static let handlers: [HandlerProtocol] = [
        .init(handler: "submit_start.handler_develop", status: .current, placeholders: 4, slots: currentSlots),
        .init(handler: "submit_start.handler_ensemble", status: .current, placeholders: 4, slots: currentSlots),
        .init(handler: "submit_start_legacy_wfield_preprocess.handler", status: .legacy, placeholders: 3,
              slots: ["the input bucket", "the dataset directory", "the dataset file name"]),
        .init(handler: "submit.handler", status: .legacy, placeholders: nil, slots: []),
        .init(handler: "submit_start.handler", status: .removed("removed from submit_start.py in the repo's history"), placeholders: nil, slots: []),
        .init(handler: "submit_start.handler_log", status: .removed("removed from submit_start.py in the repo's history"), placeholders: nil, slots: []),
        .init(handler: "submit_start.handler_log_dev", status: .removed("removed from submit_start.py in the repo's history"), placeholders: nil, slots: []),
        .init(handler: "submit_start.handler_log_demo", status: .removed("removed from submit_start.py in the repo's history"), placeholders: nil, slots: []),
    ]

    public static func handler(_ name: String) -> HandlerProtocol? {
        handlers.first { $0.handler == name }
    }

    /// The handlers a new blueprint should use.
    public static var currentHandlers: [String] { handlers.filter { $0.status == .current }.map(\.handler) }
    public static var existingHandlers: [String] {
        handlers.filter { if case .removed = $0.status { return false } else { return true } }.map(\.handler)
    }

    /// Post-processing handlers that exist, and the one that moved.
    public static let postHandlers = ["postprocess.postprocess_prediction", "data_format_lambda.lambda_handler"]
    public static let movedPostHandlers = ["postprocess.epipostprocess": "postprocess_epi.py (commit e82bfae)"]

    /// The CodeUri every current blueprint uses (relative to ncap_iac/ncap_blueprints/<stack>).
    public static let canonicalCodeUri = "../../protocols"

    public static let stages = ["develop", "webdev", "websubstack"]

    /// The entry script of the current convention and the values it needs.
    public static let runMainCLI = "run_main_cli.sh"
}
