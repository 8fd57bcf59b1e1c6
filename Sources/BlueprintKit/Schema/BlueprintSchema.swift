/// The bundled blueprint schema (schemas/blueprint.schema.json, embedded at build time), compiled
/// once per process.
public enum BlueprintSchema {
    public static let uri = "https://neurocaas.org/schemas/blueprint.schema.json"

    /// Compiled on first use; nil only if the bundled schema is broken (a test guards it).
    public static let compiled: CompiledSchema? = {
        let source = SourceFile(path: "schemas/blueprint.schema.json", text: text)
        guard let node = try? JSONParser.parse(source.bytes) else { return nil }
        return try? SchemaCompiler().compile(node, source: source, retrievalURI: uri)
    }()
}
