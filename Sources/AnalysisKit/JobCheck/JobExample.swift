import Foundation
import BlueprintKit

/// A job request a check must (or must not) flag: the clean request with text edits, so each
/// example reads as "this change breaks it".
public struct JobExample: Sendable {
    public var submitEdits: [(String, String)] = []
    public var configEdits: [(String, String)] = []
    public var blueprintEdits: [(String, String)] = []
    public var schema: String?
    public var live: LiveFacts?
    public var hourlyPrice: Double? = 3.06

    public static var clean: JobExample { JobExample() }
    public static func submit(_ edits: (String, String)...) -> JobExample { JobExample(submitEdits: edits) }
    public static func config(_ edits: (String, String)...) -> JobExample { JobExample(configEdits: edits) }
    public static func blueprint(_ edits: (String, String)...) -> JobExample { JobExample(blueprintEdits: edits) }
    public static func schema(_ text: String) -> JobExample { JobExample(schema: text) }
    public static func live(_ facts: LiveFacts) -> JobExample { JobExample(live: facts) }

    public func with(price: Double?) -> JobExample { var e = self; e.hourlyPrice = price; return e }

    public static let cleanSubmit = """
    {
        "dataname": "cunninghamlab/inputs/session1.zip",
        "configname": "cunninghamlab/configs/config.yaml",
        "timestamp": "20240101120000"
    }

    """

    public static let cleanConfig = """
    threshold: 0.5
    __duration__: 120
    __dataset_size__: 20

    """

    public var submitText: String { Self.apply(submitEdits, to: Self.cleanSubmit) }
    public var configText: String { Self.apply(configEdits, to: Self.cleanConfig) }
    public var blueprintText: String { ExampleBlueprints.applying(blueprintEdits) }

    /// A missing edit target is a mistake in the example; the marker makes the example test fail.
    static func apply(_ edits: [(String, String)], to clean: String) -> String {
        var text = clean
        for (old, new) in edits {
            guard let r = text.range(of: old) else { return "EXAMPLE EDIT TARGET NOT FOUND: \(old)" }
            text.replaceSubrange(r, with: new)
        }
        return text
    }
}
