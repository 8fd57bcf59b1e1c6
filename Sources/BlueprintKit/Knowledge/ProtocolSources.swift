#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlatformSupport

/// Finds the job-manager code a blueprint names: CodeUri relative to the stack directory, or,
/// when the blueprint is not inside a NeuroCAAS checkout, under `--protocols DIR` (the directory
/// the canonical `../../protocols` stands for).
public enum ProtocolSources {
    public enum Resolution: Equatable, Sendable {
        case found(String)
        case missing(String)
        /// Nothing to resolve against: neither on disk beside the blueprint nor --protocols.
        case skipped
    }

    public static func resolve(codeUri: String, blueprintPath: String, protocolsDirectory: String?) -> Resolution {
        let stackDir = Paths.parent(blueprintPath)
        let local = Paths.join(stackDir.isEmpty ? "." : stackDir, codeUri)
        if isDirectory(local) { return .found(Paths.normalise(local)) }
        guard let dir = protocolsDirectory else { return .skipped }
        let normalised = normalise(codeUri)
        let canonical = normalise(Protocols.canonicalCodeUri)
        let target: String
        if normalised == canonical {
            target = dir
        } else if normalised.hasPrefix(canonical + "/") {
            target = PathText.appending(dir, String(normalised.dropFirst(canonical.count + 1)))
        } else {
            return .missing(codeUri)
        }
        return isDirectory(target) ? .found(target) : .missing(codeUri)
    }

    /// Whether `module.function` is defined at the top level of `<dir>/<module>.py`.
    public enum Definition: Equatable, Sendable {
        case defined
        case noModule(String)
        case noFunction(module: String, function: String)
        case malformed
    }

    public static func find(handler: String, in dir: String) -> Definition {
        guard let dot = handler.lastIndex(of: "."), dot != handler.startIndex, handler.index(after: dot) != handler.endIndex else {
            return .malformed
        }
        let module = String(handler[..<dot]), function = String(handler[handler.index(after: dot)...])
        let file = PathText.appending(dir, module.replacingAll(".", with: "/") + ".py")
        // Regular files only (a FIFO named like the module would block), at most the input limit.
        guard case .success(let bytes) = Document.readBytes(file) else { return .noModule(module + ".py") }
        let text = String(decoding: bytes, as: UTF8.self)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            for prefix in ["def ", "async def "] where line.hasPrefix(prefix) {
                let rest = line.dropFirst(prefix.count)
                if rest.hasPrefix(function), rest.dropFirst(function.count).first.map({ $0 == "(" || $0 == " " }) == true {
                    return .defined
                }
            }
            // `handler = other_function` also defines it.
            if line.hasPrefix(function), line.dropFirst(function.count).trimmingWhitespace().hasPrefix("=") {
                return .defined
            }
        }
        return .noFunction(module: module, function: function)
    }

    private static func normalise(_ path: String) -> String {
        var parts: [String] = []
        for p in path.split(separator: "/") where p != "." && !p.isEmpty { parts.append(String(p)) }
        return parts.joined(separator: "/")
    }

    /// stat(2), which follows symbolic links as FileManager's fileExists(atPath:isDirectory:)
    /// does, without FileManager (~4 K instructions a call on the validate path).
    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
