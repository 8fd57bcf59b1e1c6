import Foundation
import BlueprintKit

/// `init`: a new analysis folder with a blueprint that validates, a run script, test
/// resources and a config schema. Refuses to overwrite a blueprint; never half-writes.
public enum Scaffold {
    public static let blueprintName = "stack_config_template.json"

    public struct File: Sendable, Equatable {
        public let path: String // relative to the analysis folder
        public let text: String
        public let executable: Bool
    }

    public struct Outcome: Sendable {
        public let folder: String
        public let written: [String]
        /// Files that already existed and were left as they were.
        public let kept: [String]
        public let placeholderAMI: Bool
    }

    public enum Failure: Error, Sendable {
        /// A blueprint is already there: nothing was changed.
        case blueprintExists(String)
        /// The options make a blueprint that does not validate (a bad name, stage, type, user).
        case invalid(ValidationReport)
        case notAFolder(String)
        case io(String)

        public var message: String {
            switch self {
            case .blueprintExists(let p): return "\(p) already exists; init changes nothing (edit it, or pick another name or --location)"
            case .invalid: return "these values make a blueprint that does not validate; nothing was written"
            case .notAFolder(let p): return "\(p) is not a directory"
            case .io(let why): return why
            }
        }
    }

    public static func files(_ o: ScaffoldOptions) -> [File] {
        [File(path: "run.sh", text: ScaffoldTemplates.runScript(o), executable: true),
         File(path: "test_resources/submit.json", text: ScaffoldTemplates.submit(o), executable: false),
         File(path: "test_resources/config.yaml", text: ScaffoldTemplates.config, executable: false),
         File(path: JobChecker.schemaFileName, text: ScaffoldTemplates.schema(o), executable: false),
         // Last: its presence marks a complete folder.
         File(path: blueprintName, text: ScaffoldTemplates.blueprint(o), executable: false)]
    }

    /// The generated blueprint through the validator. With the placeholder AMI, its BP105 is the
    /// one finding expected (and the one `bpctl validate` will show until the AMI is real).
    public static func validate(_ o: ScaffoldOptions, path: String) -> ValidationReport {
        let text = ScaffoldTemplates.blueprint(o)
        let report = Validator.validate(inputs: [(path: path, bytes: Array(text.utf8))], options: ValidationOptions(configFiles: false))
        guard o.ami == nil || o.ami == ScaffoldOptions.placeholderAMI else { return report }
        return ValidationReport(files: report.files.map { f in
            var f = f
            f.diagnostics.removeAll { $0.ruleID == "BP105" && $0.pointer == "/Lambda/LambdaConfig/AMI" }
            return f
        })
    }

    /// Create `<location>/<name>/`. Files are staged in a hidden folder and renamed into place.
    public static func create(_ o: ScaffoldOptions, location: String) throws(Failure) -> Outcome {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: location, isDirectory: &isDir), isDir.boolValue else { throw .notAFolder(location) }
        guard !o.name.isEmpty, !o.name.contains("/"), o.name != ".", o.name != ".." else {
            throw .io("'\(o.name)' cannot be a folder name: use letters, digits and '-'")
        }
        let folder = (location as NSString).appendingPathComponent(o.name)
        for existing in [blueprintName, "stack_config_template.yaml", "stack_config_template.yml"] {
            let p = (folder as NSString).appendingPathComponent(existing)
            if fm.fileExists(atPath: p) { throw .blueprintExists(p) }
        }
        let report = validate(o, path: (folder as NSString).appendingPathComponent(blueprintName))
        if report.errors + report.warnings > 0 { throw .invalid(report) }

        let stage = (folder as NSString).appendingPathComponent(".bpctl-init-\(UUID().uuidString)")
        do {
            try fm.createDirectory(atPath: stage, withIntermediateDirectories: true)
        } catch {
            throw .io("cannot create \(folder): \(error.localizedDescription)")
        }
        defer { try? fm.removeItem(atPath: stage) }
        var written: [String] = [], kept: [String] = []
        do {
            for f in files(o) {
                let target = (folder as NSString).appendingPathComponent(f.path)
                if fm.fileExists(atPath: target) { kept.append(f.path); continue }
                let staged = (stage as NSString).appendingPathComponent(f.path.replacingOccurrences(of: "/", with: "_"))
                try Data(f.text.utf8).write(to: URL(fileURLWithPath: staged))
                if f.executable { try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: staged) }
                try fm.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                guard rename(staged, target) == 0 else { throw Failure.io("cannot write \(target): \(String(cString: strerror(errno)))") }
                written.append(f.path)
            }
        } catch let e as Failure {
            throw e
        } catch {
            throw .io("cannot write into \(folder): \(error.localizedDescription)")
        }
        return Outcome(folder: folder, written: written, kept: kept, placeholderAMI: o.ami == nil || o.ami == ScaffoldOptions.placeholderAMI)
    }
}
