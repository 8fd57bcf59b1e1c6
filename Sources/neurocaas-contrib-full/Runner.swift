import AWSClient
import ArgumentParser
import Foundation
import WorkflowKit

/// Shared plumbing: the job state in $HOME, an S3 store built only when needed, and one way to
/// report failures (a sentence on stderr, exit 1, never a stack trace).
enum Runner {
    static func workflow() -> Workflow {
        // HOME alone for the state file: the whole environment is read only when S3 is needed.
        let home = getenv("HOME").map { String(cString: $0) } ?? NSHomeDirectory()
        return Workflow(state: JobState(home: home)) {
            let env = AWSEnvironment.process
            let chain = CredentialChain(environment: env, transport: CurlTransport())
            return S3Store(S3(AWSClient(environment: env, region: chain.region(fallback: "us-east-1") ?? "us-east-1")))
        }
    }

    /// Seconds between status/log uploads while the analysis runs (NEUROCAAS_LOG_INTERVAL).
    static var logInterval: Double {
        ProcessInfo.processInfo.environment["NEUROCAAS_LOG_INTERVAL"].flatMap(Double.init) ?? 5
    }

    static func print(_ value: String) {
        FileHandle.standardOutput.write(Data((value + "\n").utf8))
    }

    static func notice(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// `run` for work that never awaits.
    static func runNow(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let e as WorkflowError {
            notice("neurocaas-contrib: \(e)")
            throw ExitCode(1)
        } catch let e as AWSError {
            notice("neurocaas-contrib: \(e)")
            throw ExitCode(1)
        }
    }

    static func run(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let e as WorkflowError {
            notice("neurocaas-contrib: \(e)")
            throw ExitCode(1)
        } catch let e as AWSError {
            notice("neurocaas-contrib: \(e)")
            throw ExitCode(1)
        }
    }
}

/// `-b BUCKET -k KEY | -l PATH`, shared by the register commands.
struct LocationOptions: ParsableArguments {
    @Option(name: [.short, .long], help: "S3 bucket.") var bucket: String?
    @Option(name: [.short, .long], help: "S3 key.") var key: String?
    @Option(name: [.customShort("l"), .long], help: "Local path.") var localpath: String?
}

/// `-o DIR -f -d`, shared by the get commands.
struct FetchOptions: ParsableArguments {
    @Option(name: [.short, .long], help: "Directory to put the file in.") var outputpath: String?
    @Flag(name: [.short, .long], help: "Fetch again even if the file is already there.") var force = false
    @Flag(name: [.short, .long], help: "Accepted for compatibility (progress display).") var display = false
}
