import ArgumentParser
import WorkflowKit

/// Each getter prints exactly one value on stdout (scripts capture it with $(…)). The front
/// `neurocaas-contrib` answers the usual argument shapes itself (Sources/neurocaas-contrib);
/// it runs this binary for the rest (help, other spellings, usage errors).
private func value(_ body: (Workflow) throws -> String) throws {
    try Runner.runNow { Runner.print(try body(Runner.workflow())) }
}

struct GetDataname: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-dataname", abstract: "Print the fetched dataset's file name.")
    func run() async throws { try value { try $0.localName(.data) } }
}

struct GetConfigname: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-configname", abstract: "Print the fetched config's file name.")
    func run() async throws { try value { try $0.localName(.config) } }
}

struct GetFilename: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-filename", abstract: "Print a fetched additional file's name.")
    @Option(name: [.short, .long]) var name: String
    func run() async throws { try value { try $0.localName(.file(name)) } }
}

struct GetDatapath: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-datapath", abstract: "Print the fetched dataset's local path.")
    func run() async throws { try value { try $0.localPath(.data) } }
}

struct GetConfigpath: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-configpath", abstract: "Print the fetched config's local path.")
    func run() async throws { try value { try $0.localPath(.config) } }
}

struct GetFilepath: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-filepath", abstract: "Print a fetched additional file's local path.")
    @Option(name: [.short, .long]) var name: String
    func run() async throws { try value { try $0.localPath(.file(name)) } }
}

struct GetBucket: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-bucket", abstract: "Print the dataset's S3 bucket.")
    func run() async throws { try value { try $0.bucket() } }
}

/// Keeps the historical name (newer click renamed it `get` by accident).
struct GetGroup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-group", abstract: "Print the dataset's analysis group.")
    func run() async throws { try value { try $0.group() } }
}

struct GetResultpath: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-resultpath", abstract: "Print where a local file or folder would be published.")
    @Option(name: [.customShort("l"), .long], help: "A local file or folder.") var locpath: String
    func run() async throws { try value { try $0.resultPath(for: locpath) } }
}

struct GetResultpathTmp: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-resultpath-tmp", abstract: "Create and print <dataset folder>/../results.")
    func run() async throws { try value { try $0.temporaryResultFolder() } }
}
