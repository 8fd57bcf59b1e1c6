#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PlatformSupport

/// What several rules need to know about one blueprint, worked out once: the catalog spec of
/// every key, COMMAND's shell words and str.format fields, and where CodeUri resolves. Before
/// issue 13 four rules lexed COMMAND, five parsed its placeholders, five looked every key up in
/// FieldCatalog and three resolved CodeUri on disk, for every blueprint.
/// Pure functions of the blueprint and `protocolsDirectory`, so a cached copy is always right.
final class RuleFacts: Sendable {
    let source: SourceFile
    let rootRange: SourceRange
    let protocolsDirectory: String?

    /// specs[i][j]: the CatalogIndex spec id of member j of `catalogObjects[i]`, or nil (unknown key).
    let specs: [[Int?]]
    /// Parsed COMMAND, when it is a string.
    let command: CommandFacts?
    /// ProtocolSources.resolve of CodeUri and PostCodeUri, when they are real strings.
    let codeUri: ProtocolSources.Resolution?
    let postCodeUri: ProtocolSources.Resolution?

    init(_ bp: Blueprint, protocolsDirectory: String?) {
        source = bp.source
        rootRange = bp.root.range
        self.protocolsDirectory = protocolsDirectory
        specs = bp.catalogObjects.map { CatalogIndex.specs(of: $0.node.members ?? [], in: $0.container) }
        command = bp.lambda?.config?.command?.node.string.map(CommandFacts.init)
        func resolve(_ field: Field?) -> ProtocolSources.Resolution? {
            field?.realString.map {
                ProtocolSources.resolve(codeUri: $0, blueprintPath: bp.source.path, protocolsDirectory: protocolsDirectory)
            }
        }
        codeUri = resolve(bp.lambda?.codeUri)
        postCodeUri = resolve(bp.lambda?.postCodeUri)
    }

    func isFor(_ bp: Blueprint, protocolsDirectory: String?) -> Bool {
        source === bp.source && rootRange == bp.root.range && self.protocolsDirectory == protocolsDirectory
    }
}

/// COMMAND as the shell and Python's str.format see it.
struct CommandFacts: Sendable {
    let text: String
    let shell: ShellCommand
    /// The simple commands, and their words without quotes.
    let commands: [[ShellCommand.Word]]
    let unquoted: [[String]]
    let format: PythonFormat.Analysis
    /// `format.positionalIndexes` as a sorted array (same count and members; no Set to build).
    let positionalIndexes: [Int]

    init(_ text: String) {
        self.text = text
        shell = ShellCommand(text)
        commands = shell.commands
        unquoted = commands.map { $0.map(\.unquoted) }
        format = PythonFormat.analyze(text)
        // Sorted, then adjacent repeats dropped: linear-ish for a hostile COMMAND of 40 000 {}.
        var indexes: [Int] = []
        for i in format.fields.compactMap(\.positionalIndex).sorted() where indexes.last != i { indexes.append(i) }
        positionalIndexes = indexes
    }
}

/// The facts of the blueprints being checked, shared by every rule through RuleContext. Files
/// are checked concurrently, one blueprint per thread at a time, so a short list of recent
/// blueprints always holds the ones in flight; a miss only recomputes.
final class RuleFactsCache: @unchecked Sendable {
    private let lock = Lock()
    private var recent: [RuleFacts] = [] // guarded by lock
    private static let capacity = 32

    func facts(for bp: Blueprint, protocolsDirectory: String?) -> RuleFacts {
        lock.lock()
        if let hit = recent.last(where: { $0.isFor(bp, protocolsDirectory: protocolsDirectory) }) {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let made = RuleFacts(bp, protocolsDirectory: protocolsDirectory)
        lock.lock()
        recent.append(made)
        if recent.count > Self.capacity { recent.removeFirst() }
        lock.unlock()
        return made
    }
}

extension RuleContext {
    /// The shared facts of `bp` (computed by the first rule that asks).
    func facts(_ bp: Blueprint) -> RuleFacts {
        factsCache.facts(for: bp, protocolsDirectory: protocolsDirectory)
    }
}
