/// Which registered file a command works on; the same four slots registration.json has.
public enum JobKind: Sendable, Equatable {
    case data, config, file(String), result

    package var label: String {
        switch self {
        case .data: return "the dataset"
        case .config: return "the config"
        case .file(let n): return "file '\(n)'"
        case .result: return "the result path"
        }
    }

    package var registerCommand: String {
        switch self {
        case .data: return "register-dataset -b BUCKET -k KEY (or -l PATH)"
        case .config: return "register-config -b BUCKET -k KEY (or -l PATH)"
        case .file(let n): return "register-file -n \(n) -b BUCKET -k KEY (or -l PATH)"
        case .result: return "register-resultpath -b BUCKET -k KEY (or -l PATH)"
        }
    }

    package var getCommand: String {
        switch self {
        case .data: return "get-data"
        case .config: return "get-config"
        case .file(let n): return "get-file -n \(n)"
        case .result: return "get-resultpath"
        }
    }
}

extension Registration {
    /// The entry a command works on (nil only for an unregistered additional file).
    package subscript(kind: JobKind) -> Entry? {
        get {
            switch kind {
            case .data: return data
            case .config: return config
            case .file(let n): return additionalFiles[n]
            case .result: return resultpath
            }
        }
        set {
            let e = newValue ?? Entry()
            switch kind {
            case .data: data = e
            case .config: config = e
            case .file(let n): additionalFiles[n] = newValue
            case .result: resultpath = e
            }
        }
    }
}
