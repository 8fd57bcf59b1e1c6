import AWSClient
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A local test server could not be started (moto not installed, fake crashed).
public struct ServerUnavailable: Error, CustomStringConvertible {
    public let description: String
}

/// A process listening on 127.0.0.1 for the tests: moto_server, or a Python fake.
public final class LocalServer: @unchecked Sendable {
    let process: Process?
    public let port: Int
    public var endpoint: String { "http://127.0.0.1:\(port)" }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Start a Python fake from Fixtures/fake_server.py; it prints its port.
    public static func fake(_ arguments: [String]) throws -> LocalServer {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = [fixtures.appendingPathComponent("fake_server.py").path] + arguments
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let line = String(decoding: out.fileHandleForReading.availableData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let port = Int(line) else { p.terminate(); throw ServerUnavailable(description: "fake server did not start: \(line)") }
        return LocalServer(process: p, port: port)
    }

    /// moto_server: the one .ci/run started (BPCTL_MOTO_PORT), or a new one on a free loopback port.
    /// When moto cannot start, every later call fails at once with the same reason (no 30 s wait
    /// per suite), and the reason is printed once on stderr.
    public static func moto() throws -> LocalServer {
        if let p = ProcessInfo.processInfo.environment["BPCTL_MOTO_PORT"], let port = Int(p) {
            let shared = LocalServer(process: nil, port: port)
            if (try? shared.get("/moto-api/data.json")) != nil { return shared }
        }
        motoLock.lock()
        defer { motoLock.unlock() }
        if let failure = motoFailure { throw failure }
        do {
            return try python(module: "moto.server", readyPath: "/moto-api/data.json")
        } catch let error as ServerUnavailable {
            let failure = ServerUnavailable(description: "moto_server is unavailable: \(error.description) (pip install 'moto[server]'; "
                                            + "the AWS tests are skipped, or fail with BPCTL_REQUIRE_MOTO=1 as in .ci/run)")
            motoFailure = failure
            FileHandle.standardError.write(Data("warning: \(failure.description)\n".utf8))
            throw failure
        }
    }

    /// .ci/run sets BPCTL_REQUIRE_MOTO=1: there a missing moto is a failure, not a skip.
    public static var motoRequired: Bool { ProcessInfo.processInfo.environment["BPCTL_REQUIRE_MOTO"] == "1" }

    private static let motoLock = NSLock()
    nonisolated(unsafe) private static var motoFailure: ServerUnavailable?

    /// `python3 -m MODULE -H 127.0.0.1 -p PORT`, ready when GET readyPath answers 200. Fails as
    /// soon as the process exits (a missing module, a crash), with the end of its stderr.
    public static func python(module: String, readyPath: String, timeout: TimeInterval = 30) throws -> LocalServer {
        let port = freePort()
        let p = Process()
        // The real interpreter rather than the moto_server wrapper, so a signal reaches the server.
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["-m", module, "-H", "127.0.0.1", "-p", String(port)]
        p.standardOutput = FileHandle.nullDevice
        // A file, not a pipe: the server logs every request, and an unread pipe would block it.
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-server-\(UUID().uuidString).log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else {
            throw ServerUnavailable(description: "cannot write \(log.path)")
        }
        defer { try? FileManager.default.removeItem(at: log) }
        p.standardError = try FileHandle(forWritingTo: log)
        try p.run()
        let server = LocalServer(process: p, port: port)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if (try? server.get(readyPath)) != nil { return server }
            if !p.isRunning {
                let tail = (try? String(contentsOf: log, encoding: .utf8))?.split(separator: "\n").suffix(2).joined(separator: " ") ?? ""
                throw ServerUnavailable(description: "python3 -m \(module) exited with status \(p.terminationStatus): \(tail)")
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        server.stop()
        throw ServerUnavailable(description: "python3 -m \(module) did not answer on port \(port) within \(Int(timeout)) s")
    }

    /// sys.executable of the python3 on PATH (resolved once).
    static let python: String = {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import sys; print(sys.executable)"]
        let out = Pipe()
        p.standardOutput = out
        try? p.run()
        let path = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return path.isEmpty ? "/usr/bin/python3" : path
    }()

    init(process: Process?, port: Int) {
        self.process = process
        self.port = port
    }

    deinit { stop() }

    /// SIGKILL (moto_server's SIGTERM handler does not always stop its threaded server), and no
    /// waitUntilExit: on Linux, waiting off the main thread can spin forever.
    public func stop() {
        if let process, process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Plain blocking HTTP to the server's own test endpoints.
    @discardableResult
    public func request(_ method: String, _ path: String, body: String? = nil) throws -> String {
        var r = URLRequest(url: URL(string: endpoint + path)!, timeoutInterval: 5)
        r.httpMethod = method
        r.httpBody = body.map { Data($0.utf8) }
        r.setValue("text/plain", forHTTPHeaderField: "Content-Type") // moto reads request.data, not a form
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: Result<String, Error> = .failure(URLError(.timedOut))
        URLSession.shared.dataTask(with: r) { data, response, error in
            if let error { result = .failure(error) } else if let http = response as? HTTPURLResponse, http.statusCode == 200 {
                result = .success(String(decoding: data ?? Data(), as: UTF8.self))
            } else {
                result = .failure(URLError(.badServerResponse))
            }
            done.signal()
        }.resume()
        done.wait()
        return try result.get()
    }

    public func get(_ path: String) throws -> String { try request("GET", path) }

    public static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}

/// An environment that reaches only the given endpoint and never instance metadata.
public func testEnvironment(endpoint: String?, key: String = "testing", secret: String = "testing", extra: [String: String] = [:],
                     home: String = "/nonexistent-home") -> AWSEnvironment {
    var v = ["AWS_EC2_METADATA_DISABLED": "true", "AWS_ACCESS_KEY_ID": key, "AWS_SECRET_ACCESS_KEY": secret, "AWS_MAX_ATTEMPTS": "3"]
    if let endpoint { v["AWS_ENDPOINT_URL"] = endpoint }
    v.merge(extra) { $1 }
    return AWSEnvironment(variables: v, home: home)
}
