/// Loads a user's schema file for `bpctl validate --schema FILE`: parse it, check it against the
/// bundled 2020-12 meta-schema, compile it. Every failure is a FileResult of diagnostics about
/// the schema file (rendered like any other finding; the CLI exits 2).
public enum SchemaLoader {
    public static let metaSchemaURI = "https://json-schema.org/draft/2020-12/schema"

    public static func load(path: String) -> Result<CompiledSchema, SchemaProblems> {
        let doc: Document
        switch Document.load(path: path) {
        case .failure(let e):
            let d = Diagnostic(ruleID: MetaRules.parse.id, severity: .error, message: e.error.message, hint: e.error.hint,
                               source: e.source, range: .at(e.error.offset), pointer: nil)
            return .failure(SchemaProblems(FileResult(path: path, source: e.source, diagnostics: [d], parsed: false)))
        case .success(let d): doc = d
        }
        if let meta = metaSchema {
            let errors = SchemaEvaluator(meta).validate(doc.root)
            if !errors.isEmpty {
                let diags = errors.prefix(20).map { e in
                    Diagnostic(ruleID: MetaRules.schema.id, severity: .error,
                               message: "not a valid 2020-12 schema: \(JSONPointer.dotted(e.instancePointer).isEmpty ? "" : JSONPointer.dotted(e.instancePointer) + ": ")\(e.message)",
                               hint: "the meta-schema keyword \(e.keywordLocation)", source: doc.source, range: e.instanceRange,
                               pointer: e.instancePointer)
                }
                return .failure(SchemaProblems(FileResult(path: path, source: doc.source, diagnostics: Array(diags), parsed: false)))
            }
        }
        do throws(SchemaCompileError) {
            return .success(try SchemaCompiler().compile(doc.root, source: doc.source, retrievalURI: "file://" + Paths.absolute(path)))
        } catch {
            let d = Diagnostic(ruleID: MetaRules.schema.id, severity: .error, message: error.message, hint: error.hint,
                               source: error.source ?? doc.source, range: .at(error.offset), pointer: nil)
            return .failure(SchemaProblems(FileResult(path: path, source: doc.source, diagnostics: [d], parsed: false),
                                           patternEngineUnavailable: error.patternEngineUnavailable))
        }
    }

    /// The 2020-12 meta-schema, compiled once.
    public static let metaSchema: CompiledSchema? = {
        guard let text = MetaSchemas.documents[metaSchemaURI] else { return nil }
        let source = SourceFile(path: metaSchemaURI, text: text)
        guard let node = try? JSONParser.parse(source.bytes) else { return nil }
        return try? SchemaCompiler().compile(node, source: source, retrievalURI: metaSchemaURI)
    }()
}

/// The problems of a schema file, as a report entry.
public struct SchemaProblems: Error, Sendable {
    public let file: FileResult
    /// The schema needs the ICU regex engine and none is registered (see SchemaCompileError).
    public let patternEngineUnavailable: PatternEngineUnavailable?
    init(_ file: FileResult, patternEngineUnavailable: PatternEngineUnavailable? = nil) {
        self.file = file
        self.patternEngineUnavailable = patternEngineUnavailable
    }
}
