import Foundation

/// The job's `certificate.txt` (written by the job manager): a header, a divider, one line per
/// dataset, a second divider, notes. The line whose DATANAME is this dataset (else the first)
/// is rewritten as the job progresses, in the job manager's format.
public enum Certificate {
    /// nil when the text does not have exactly two divider lines (then it is left alone).
    public static func patch(_ text: String, input: String, status: String, lastCommand: String, finished: Bool,
                             cpu: String, now: Date = Date()) -> String? {
        var lines = text.components(separatedBy: "\n")
        let dividers = lines.indices.filter { lines[$0].hasPrefix("================") }
        guard dividers.count == 2, dividers[1] > dividers[0] + 1 else { return nil }
        let body = (dividers[0] + 1)..<dividers[1]
        let target = body.first { lines[$0].hasPrefix("DATANAME: \(input) |") } ?? body.lowerBound
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy_MM_dd_HH_mm_ss"
        let time = f.string(from: now) + (finished ? " (finished)" : "")
        let last = lastCommand.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "|", with: "/")
        lines[target] = "DATANAME: \(input) | STATUS: \(status) | TIME: \(time) | LAST COMMAND: \(last) | CPU_USAGE: \(cpu)"
        return lines.joined(separator: "\n")
    }
}
