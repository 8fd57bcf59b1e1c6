import Foundation

/// `neurocaas-contrib init`, `describe-analyses`, `get-blueprint` (contrib-cli-reference §3):
/// the analysis folders under a location and which one is current.
public enum ContribAnalyses {
    public enum InitResult: Sendable {
        /// The folder and blueprint exist: it is now the current analysis.
        case selected(String)
        case created(Scaffold.Outcome)
        /// The confirmation was declined: nothing was written, not even the config file.
        case declined
    }

    /// Location: the flag, else the stored one, else the current directory (the Python tool
    /// defaults to its package's local_envs/, which bpctl does not ship).
    public static func location(flag: String?, config: ContribConfig?, cwd: String) -> (String, defaulted: Bool) {
        if let flag { return (absolute(flag, cwd: cwd), false) }
        if let stored = config?.location { return (stored, false) }
        return (cwd, true)
    }

    /// Create or select `<location>/<name>`; `confirm` asks "Initialize?" (only when something
    /// would be created) and may fill in the options (the Python tool's value prompts). The
    /// config file is written unless declined.
    public static func initialize(_ options: ScaffoldOptions, location: String, home: String,
                                  confirm: (String, inout ScaffoldOptions) -> Bool) throws(Scaffold.Failure) -> InitResult {
        var options = options
        let folder = (location as NSString).appendingPathComponent(options.name)
        let blueprint = (folder as NSString).appendingPathComponent(Scaffold.blueprintName)
        var isDir: ObjCBool = false
        let result: InitResult
        if FileManager.default.fileExists(atPath: blueprint) {
            result = .selected(folder)
        } else {
            let exists = FileManager.default.fileExists(atPath: folder, isDirectory: &isDir) && isDir.boolValue
            let question = exists
                ? "The analysis named \(options.name) at \(location) is not correctly initialized. Initialize?"
                : "The analysis named \(options.name) does not exist at \(location). Initialize?"
            guard confirm(question, &options) else { return .declined }
            result = .created(try Scaffold.create(options, location: location))
        }
        var config = ContribConfig.load(home: home) ?? ContribConfig()
        config.analysisName = options.name
        config.location = location
        do { try config.save(home: home) } catch { throw .io("cannot write \(ContribConfig.path(home: home)): \(error.localizedDescription)") }
        return result
    }

    /// Every subdirectory of the location, sorted, the current one marked with `*`.
    public static func list(location: String, current: String?) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: location).filter { name in
            var isDir: ObjCBool = false
            return !name.hasPrefix(".") && FileManager.default.fileExists(atPath: (location as NSString).appendingPathComponent(name), isDirectory: &isDir) && isDir.boolValue
        }.sorted()
        return names.map { $0 == current ? "\($0)*" : $0 }
    }

    static func absolute(_ p: String, cwd: String) -> String {
        let joined = p.hasPrefix("/") ? p : (cwd as NSString).appendingPathComponent(p)
        return (joined as NSString).standardizingPath
    }
}
