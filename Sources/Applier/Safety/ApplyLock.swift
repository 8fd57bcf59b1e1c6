import BlueprintKit
import Foundation

/// `.bpctl/lock` beside a blueprint, so two bpctl runs that change one analysis cannot overlap.
/// The file is created with O_EXCL (only one process can create it) and holds who took it, when,
/// for what, and an id; `bpctl force-unlock ID` removes a lock whose holder died.
public final class ApplyLock: @unchecked Sendable {
    public struct Holder: Codable, Sendable, Equatable {
        public let id: String
        public let who: String
        public let host: String
        public let pid: Int32
        public let operation: String
        public let created: String
    }

    public let holder: Holder
    public let path: String
    private var released = false

    private init(holder: Holder, path: String) {
        self.holder = holder
        self.path = path
    }

    deinit { release() }

    public static func path(forBlueprint blueprint: String) -> String {
        StateDirectory.url(forBlueprint: blueprint).appendingPathComponent("lock").path
    }

    /// Take the lock, waiting up to `timeout` seconds for another holder to let go.
    public static func acquire(blueprint: String, operation: String, timeout: TimeInterval = 0,
                               pollInterval: TimeInterval = 0.25) throws -> ApplyLock {
        _ = try StateDirectory.ensure(forBlueprint: blueprint)
        let path = path(forBlueprint: blueprint)
        let env = ProcessInfo.processInfo.environment
        let holder = Holder(id: UUID().uuidString.lowercased(), who: env["USER"] ?? env["LOGNAME"] ?? "uid \(getuid())",
                            host: ProcessInfo.processInfo.hostName, pid: getpid(), operation: operation,
                            created: StateDirectory.timestamp())
        let data = try JSONEncoder.sorted.encode(holder) + Data("\n".utf8)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            if fd >= 0 {
                let ok = data.withUnsafeBytes { write(fd, $0.baseAddress, data.count) } == data.count
                close(fd)
                guard ok else {
                    unlink(path)
                    throw ApplyError("cannot write the lock \(path)")
                }
                return ApplyLock(holder: holder, path: path)
            }
            guard errno == EEXIST else { throw ApplyError("cannot create the lock \(path): \(String(cString: strerror(errno)))") }
            if Date() >= deadline { throw contention(path: path, waited: timeout) }
            Thread.sleep(forTimeInterval: pollInterval)
        }
    }

    /// The holder recorded in a lock file, if there is one.
    public static func current(blueprint: String) -> Holder? {
        holder(atLockPath: path(forBlueprint: blueprint))
    }

    static func holder(atLockPath path: String) -> Holder? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(Holder.self, from: data)
    }

    private static func contention(path: String, waited: TimeInterval) -> ApplyError {
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent().deletingLastPathComponent().path
        let here = FileManager.default.currentDirectoryPath
        guard let h = holder(atLockPath: path) else {
            return ApplyError("the analysis in \(dir) is locked (\(path) exists but cannot be read)",
                              hint: "if no bpctl run is active, delete \(path)")
        }
        let command = "bpctl force-unlock \(h.id)" + (URL(fileURLWithPath: here).standardizedFileURL.path == dir ? "" : " \(dir)")
        let wait = waited > 0 ? " (waited \(Int(waited)) s)" : ""
        return ApplyError("the analysis in \(dir) is locked by \(h.who)@\(h.host) (pid \(h.pid)) for \"\(h.operation)\" since \(h.created)\(wait)",
                          hint: "wait for that run to finish (--lock-timeout SECONDS waits), or if it is gone: \(command)")
    }

    /// Remove the lock if it is still ours.
    public func release() {
        guard !released else { return }
        released = true
        if ApplyLock.holder(atLockPath: path)?.id == holder.id {
            unlink(path)
        }
    }

    /// `bpctl force-unlock ID`: remove a lock only when its id matches, so a typo cannot break
    /// someone else's newer lock. `directory` is the blueprint's directory (or the blueprint).
    public static func forceUnlock(id: String, directory: String) throws -> Holder {
        var isDir: ObjCBool = false
        let base = FileManager.default.fileExists(atPath: directory, isDirectory: &isDir) && isDir.boolValue
            ? directory + "/x" : directory
        let path = path(forBlueprint: base)
        guard let holder = current(blueprint: base) else {
            throw ApplyError("there is no lock at \(path)", hint: "nothing to unlock; run the command from the blueprint's directory or name it")
        }
        guard holder.id == id else {
            throw ApplyError("the lock at \(path) has id \(holder.id), not \(id); it was left in place",
                             hint: "copy the id from the message that reported the lock")
        }
        guard unlink(path) == 0 else { throw ApplyError("cannot remove \(path): \(String(cString: strerror(errno)))") }
        return holder
    }
}

extension JSONEncoder {
    /// Stable, readable JSON for state files.
    static var sorted: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return e
    }
}
