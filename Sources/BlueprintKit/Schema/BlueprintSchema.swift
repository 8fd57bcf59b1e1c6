/// The bundled blueprint schema (schemas/blueprint.schema.json, embedded at build time).
public enum BlueprintSchema {
    public static let uri = "https://neurocaas.org/schemas/blueprint.schema.json"

    /// Checked by Swift generated from the schema (Generated/BlueprintSchemaCheck.swift), which
    /// gives SchemaEvaluator's errors without compiling the schema: compiling it cost 7.8 M
    /// instructions per process and interpreting it 13.3 M for the 24 shared blueprints; the
    /// generated check costs 3.0 M for both, 0.6 M of it compiling its eight patterns on first
    /// use (callgrind, `bpctl validate`). The interpreter's graph is compiled only if something
    /// asks for it (`root`). Never nil; kept optional for callers.
    public static let compiled: CompiledSchema? = CompiledSchema(
        generated: { BlueprintSchemaCheck.validate($0) },
        interpreted: { interpreted?.graph ?? SchemaGraph.unconstrained(uri) })

    /// The same schema compiled for the interpreter, once per process; nil only if the bundled
    /// schema is broken (a test guards it, and the generator refuses to run then).
    public static let interpreted: CompiledSchema? = {
        let source = SourceFile(path: "schemas/blueprint.schema.json", text: text)
        guard let node = try? JSONParser.parse(source.bytes) else { return nil }
        return try? SchemaCompiler().compile(node, source: source, retrievalURI: uri)
    }()
}
