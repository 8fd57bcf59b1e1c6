import AWSClient
import Foundation

/// IAM's credential report CSV → per-user credential facts. Columns are found by header name, so
/// added columns do not shift anything; "N/A", "not_supported" and "no_information" read as unknown.
enum CredentialReport {
    struct Row {
        let user: String
        let passwordEnabled: Bool?
        let mfaActive: Bool?
        let keys: [IAMSnapshot.Key]
    }

    static func parse(_ csv: String) -> [Row] {
        let lines = rows(csv)
        guard let header = lines.first else { return [] }
        let column = Dictionary(header.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
        return lines.dropFirst().compactMap { cells in
            func value(_ name: String) -> String? {
                guard let i = column[name], i < cells.count else { return nil }
                let v = cells[i]
                return ["N/A", "not_supported", "no_information", ""].contains(v) ? nil : v
            }
            guard let user = value("user"), user != "<root_account>" else { return nil }
            let keys = (1...2).compactMap { n -> IAMSnapshot.Key? in
                guard let active = value("access_key_\(n)_active"), let rotated = value("access_key_\(n)_last_rotated") else { return nil }
                return IAMSnapshot.Key(label: "access key \(n)", active: active == "true", created: IAMDates.parse(rotated),
                                       lastUsed: value("access_key_\(n)_last_used_date").flatMap(IAMDates.parse))
            }
            return Row(user: user, passwordEnabled: value("password_enabled").map { $0 == "true" },
                       mfaActive: value("mfa_active").map { $0 == "true" }, keys: keys)
        }
    }

    /// RFC 4180 rows: IAM user names may contain commas, so quoted fields are honoured.
    static func rows(_ csv: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, wasQuoted = false
        var it = csv.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let c = pending ?? it.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    let next = it.next()
                    if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = next }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty && !wasQuoted: quoted = true; wasQuoted = true
            case ",": row.append(field); field = ""; wasQuoted = false
            case "\n", "\r":
                if !field.isEmpty || !row.isEmpty || wasQuoted { row.append(field); rows.append(row) }
                row = []; field = ""; wasQuoted = false
            default: field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty || wasQuoted { row.append(field); rows.append(row) }
        return rows
    }
}
