#if canImport(Glibc)
import Glibc
#endif
import PlatformSupport

/// `neurocaas-contrib`, the front: analysis scripts call the getters and `read-yaml` dozens of
/// times a job, each a fresh process, so this binary answers those argument shapes itself and
/// runs `neurocaas-contrib-full` (installed next to it) for every other command, help and usage
/// error, as git runs its helpers. It links only WorkflowCore (FoundationEssentials and libyaml):
/// swift-corelibs-foundation, ICU, Yams, AWS and ArgumentParser, which every other command needs,
/// cost ~1 ms of dynamic relocation at each start (docs/performance.md, "Start-up").
@main
enum Front {
    static func main() {
        let arguments = CommandLine.arguments
        guard let command = FastPath.command(Array(arguments.dropFirst())) else {
            Companion.exec("neurocaas-contrib-full", front: "neurocaas-contrib", arguments: arguments)
        }
        do {
            Output.write(1, try command() + "\n")
        } catch {
            // The same line and exit code as the companion's Runner (WorkflowError is all that
            // WorkflowCore throws).
            Output.write(2, "neurocaas-contrib: \(error)\n")
            exit(1)
        }
    }
}

enum Output {
    static func write(_ fd: Int32, _ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                offset += n
            }
        }
    }
}
