// Writes Sources/BlueprintKit/Schema/Generated/BlueprintSchemaCheck.swift from the bundled
// blueprint schema (see SchemaCodeGenerator). Run from the package root, or use
// scripts/gen-schema-check.sh. Usage: swift run schema-codegen [OUTPUT]
import BlueprintKit
import Foundation

let output = CommandLine.arguments.dropFirst().first ?? "Sources/BlueprintKit/Schema/Generated/BlueprintSchemaCheck.swift"
do {
    let text = try SchemaCodeGenerator.bundledBlueprintCheck()
    // Temporary file and rename: a failed write never leaves half a source file.
    let temp = output + ".tmp"
    try text.write(toFile: temp, atomically: false, encoding: .utf8)
    guard rename(temp, output) == 0 else { throw CocoaError(.fileWriteUnknown) }
    print("wrote \(output)")
} catch {
    FileHandle.standardError.write(Data("schema-codegen: \(error)\n".utf8))
    exit(1)
}
