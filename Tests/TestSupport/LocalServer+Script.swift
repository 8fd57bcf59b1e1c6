import Foundation

extension LocalServer {
    /// Start another Python fake from Fixtures/ (e.g. fake_pricing.py); it prints its port.
    public static func fakeScript(_ script: String, _ arguments: [String]) throws -> LocalServer {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = [fixtures.appendingPathComponent(script).path] + arguments
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let line = String(decoding: out.fileHandleForReading.availableData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let port = Int(line) else { p.terminate(); throw ServerUnavailable(description: "\(script) did not start: \(line)") }
        return LocalServer(process: p, port: port)
    }
}
