import Foundation

/// One instance's usage record, `logs/<group>/<instance-id>.json` (written by the job manager's
/// log_jobs, completed by FigLambda at shutdown): the input to cost checks and monitoring.
public struct InstanceRecord: Sendable, Equatable {
    public let group: String
    public let instanceID: String
    public let instanceType: String?
    /// USD per hour recorded at launch.
    public let price: Double?
    public let jobPath: String?
    public let dataPath: String?
    public let start: Date?
    public let end: Date?

    public init(group: String, instanceID: String, instanceType: String? = nil, price: Double?, jobPath: String?,
                dataPath: String? = nil, start: Date?, end: Date?) {
        self.group = group
        self.instanceID = instanceID
        self.instanceType = instanceType
        self.price = price
        self.jobPath = jobPath
        self.dataPath = dataPath
        self.start = start
        self.end = end
    }

    /// Parse a record; nil when the bytes are not a JSON object.
    public init?(group: String, key: String, bytes: [UInt8]) {
        guard let o = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else { return nil }
        self.group = group
        instanceID = o["instance-id"] as? String ?? String(key.split(separator: "/").last ?? "").replacingOccurrences(of: ".json", with: "")
        instanceType = o["instance-type"] as? String
        price = (o["price"] as? NSNumber)?.doubleValue ?? (o["price"] as? String).flatMap(Double.init)
        jobPath = o["jobpath"] as? String
        dataPath = o["datapath"] as? String
        start = (o["start"] as? String).flatMap(RecordTime.parse)
        end = (o["end"] as? String).flatMap(RecordTime.parse)
    }

    /// Hours the job manager charges: end − start, or one hour when either is missing (§5.5).
    /// Unlike the job manager's timedelta.seconds, whole days count.
    public var chargedHours: Double {
        guard let start, let end, end >= start else { return 1 }
        return end.timeIntervalSince(start) / 3600
    }

    public var cost: Double { (price ?? 0) * chargedHours }

    /// The JSON a real job writes (tests lay out buckets with it).
    public func json() -> [UInt8] {
        var o: [String: Any] = ["instance-id": instanceID, "spot": false]
        o["instance-type"] = instanceType ?? NSNull()
        o["price"] = price ?? NSNull()
        o["jobpath"] = jobPath ?? NSNull()
        o["datapath"] = dataPath ?? NSNull()
        o["databucket"] = NSNull()
        o["configpath"] = NSNull()
        o["start"] = start.map(RecordTime.format) ?? NSNull()
        o["end"] = end.map(RecordTime.format) ?? NSNull()
        return Array((try? JSONSerialization.data(withJSONObject: o, options: [.sortedKeys])) ?? Data())
    }
}

/// Times in records: EventBridge's ISO 8601 (`2024-01-01T12:00:00Z`) or Python's str(datetime).
public enum RecordTime {
    public static func parse(_ s: String) -> Date? {
        let iso = ISO8601DateFormatter()
        if let d = iso.date(from: s) { return d }
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = iso.date(from: s) { return d }
        for format in ["yyyy-MM-dd HH:mm:ss.SSSSSS", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss"] {
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX")
            f.timeZone = TimeZone(identifier: "UTC")
            f.dateFormat = format
            if let d = f.date(from: s) { return d }
        }
        return nil
    }

    public static func format(_ d: Date) -> String { ISO8601DateFormatter().string(from: d) }
}
