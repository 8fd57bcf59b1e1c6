import AWSClient

/// The seed guide's AMI shorthands (`--amiid ubuntu18|ubuntu16|dlami18|dlami16`).
///
/// Regions in `table` use the committed ids. Source: neurocaas_contrib `remote.py` (HEAD f63629d,
/// `NeuroCAASAMI.launch_devinstance`), which hard-codes these us-east-1 ids; keeping them means
/// `--amiid ubuntu18` launches the same image as the Python tool. Other regions are looked up:
/// the newest image with the publisher's name pattern and owner (DescribeImages).
public enum AMIAliases {
    public struct Lookup: Sendable {
        public let owner: String
        public let namePattern: String
    }

    public static let names = ["ubuntu18", "ubuntu16", "dlami18", "dlami16"]

    public static let table: [String: [String: String]] = [
        "us-east-1": ["ubuntu18": "ami-07ebfd5b3428b6f4d", "ubuntu16": "ami-08bc77a2c7eb2b1da",
                      "dlami18": "ami-0dbb717f493016a1a", "dlami16": "ami-0a79b70001264b442"],
    ]

    /// Canonical (099720109477) publishes the Ubuntu images, Amazon the Deep Learning AMIs.
    public static let lookups: [String: Lookup] = [
        "ubuntu18": Lookup(owner: "099720109477", namePattern: "ubuntu/images/hvm-ssd/ubuntu-bionic-18.04-amd64-server-*"),
        "ubuntu16": Lookup(owner: "099720109477", namePattern: "ubuntu/images/hvm-ssd/ubuntu-xenial-16.04-amd64-server-*"),
        "dlami18": Lookup(owner: "amazon", namePattern: "Deep Learning AMI (Ubuntu 18.04) Version *"),
        "dlami16": Lookup(owner: "amazon", namePattern: "Deep Learning AMI (Ubuntu 16.04) Version *"),
    ]

    public struct Resolved: Sendable, Equatable {
        public let id: String
        /// "table" or "lookup".
        public let how: String
        public let rootDevice: String?
    }

    /// nil when `name` is not an alias.
    public static func resolve(_ name: String, region: String, ec2: EC2) async throws -> Resolved? {
        guard let lookup = lookups[name] else { return nil }
        if let id = table[region]?[name] { return Resolved(id: id, how: "table", rootDevice: "/dev/sda1") }
        let images = try await ec2.describeDevImages(owners: [lookup.owner], namePattern: lookup.namePattern)
        guard let newest = images.filter({ $0.state == "available" }).max(by: { $0.creationDate < $1.creationDate }) else {
            throw DevError(.usage, "no \(name) image in \(region) (owner \(lookup.owner), name \(lookup.namePattern))",
                           hint: "pass an AMI id with --amiid ami-…")
        }
        return Resolved(id: newest.id, how: "lookup", rootDevice: newest.rootDeviceName)
    }
}
