#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PlatformSupport

struct MixedCheckoutRule: Rule {
    static let description = RuleDescription(
        id: "BP145", name: "command-mixed-checkouts", severity: .warning,
        summary: "COMMAND runs run_main from one checkout but sources workflow.sh from another.",
        rationale: "run_main*.sh and workflow.sh share state files and functions; taking them from two checkouts (neurocaas_remote vs ncap_remote) mixes versions.",
        triggering: [.edit((". neurocaas_contrib/ncap_utils/workflow.sh", ". ncap_remote/ncap_utils/workflow.sh"))],
        nonTriggering: [.clean])

    /// Only checkouts of the NeuroCAAS tooling; an analysis repo may ship its own run_main.sh.
    static let tooling = ["neurocaas_remote", "ncap_remote", "neurocaas_contrib"]

    func check(_ bp: Blueprint, _ context: RuleContext) -> [Diagnostic] {
        guard let field = bp.lambda?.config?.command, let command = context.facts(bp).command else { return [] }
        let words = command.unquoted.joined()
        guard let main = words.first(where: Self.isRunMain),
              let workflow = words.first(where: { $0.hasSuffix("workflow.sh") }) else { return [] }
        guard let a = Self.checkout(main), let b = Self.checkout(workflow), a != b,
              Self.tooling.contains(a), Self.tooling.contains(b) else { return [] }
        return [finding(bp, field, "COMMAND runs \(main) from '\(a)' but sources workflow.sh from '\(b)'",
                        hint: "take both from the same checkout ('\(a)/ncap_utils/workflow.sh')")]
    }

    /// A run_main*.sh script: by bytes for ASCII words (a word ending in ".sh" has no trailing
    /// '/', so its last path component is what follows the last '/'); NSString's
    /// lastPathComponent cost 6 K instructions a word.
    static func isRunMain(_ word: String) -> Bool {
        guard word.isASCIIBytes else { return isRunMainByFoundation(word) }
        let bytes = Array(word.utf8)
        guard bytes.count >= 3, bytes.suffix(3).elementsEqual(".sh".utf8) else { return false }
        let start = (bytes.lastIndex(of: UInt8(ascii: "/")) ?? -1) + 1
        return bytes[start...].starts(with: "run_main".utf8)
    }

    static func isRunMainByFoundation(_ word: String) -> Bool {
        PathText.lastComponent(word).hasPrefix("run_main") && word.hasSuffix(".sh")
    }

    /// The first path component of a repo-relative script path.
    static func checkout(_ path: String) -> String? {
        if path.isASCIIBytes { // each Character one byte ("\r\n" aside, which is no '/')
            let parts = path.utf8.split(separator: UInt8(ascii: "/"))
            return parts.count >= 2 ? String(decoding: parts[0], as: UTF8.self) : nil
        }
        let parts = path.split(separator: "/")
        return parts.count >= 2 ? String(parts[0]) : nil
    }
}
