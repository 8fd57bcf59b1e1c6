// Writes the generated schema checks (see SchemaCodeGenerator): the bundled blueprint schema's
// into Sources/BlueprintKit/Schema/Generated/BlueprintSchemaCheck.swift, and the test target's
// coverage check. Run from the package root, or use scripts/gen-schema-check.sh.
// Usage: swift run schema-codegen
import BlueprintKit
import Foundation

/// Temporary file and rename: a failed run never leaves half a source file.
func write(_ text: String, to path: String) throws {
    let temp = path + ".tmp"
    try text.write(toFile: temp, atomically: false, encoding: .utf8)
    guard rename(temp, path) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
    print("wrote \(path)")
}

do {
    try write(try SchemaCodeGenerator.bundledBlueprintCheck(), to: "Sources/BlueprintKit/Schema/Generated/BlueprintSchemaCheck.swift")
    let schema = try String(contentsOfFile: SchemaCodeGenerator.coverageSchemaPath, encoding: .utf8)
    try write(try SchemaCodeGenerator.coverageCheck(schemaText: schema), to: SchemaCodeGenerator.coverageCheckPath)
} catch {
    FileHandle.standardError.write(Data("schema-codegen: \(error)\n".utf8))
    exit(1)
}
