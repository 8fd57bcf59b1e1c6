// Benchmarks of the AWS client, run by bench/s3.sh against moto_server on 127.0.0.1.
// Usage: bpctl-bench s3-get ENDPOINT COUNT CONCURRENCY
import AWSClient
import Foundation

@main
enum Bench {
    static func main() async throws {
        let args = CommandLine.arguments
        guard args.count == 5, args[1] == "s3-get", let count = Int(args[3]), let concurrency = Int(args[4]) else {
            FileHandle.standardError.write(Data("usage: bpctl-bench s3-get ENDPOINT COUNT CONCURRENCY\n".utf8))
            exit(2)
        }
        let env = AWSEnvironment(variables: ["AWS_ENDPOINT_URL": args[2], "AWS_ACCESS_KEY_ID": "bench", "AWS_SECRET_ACCESS_KEY": "bench",
                                             "AWS_EC2_METADATA_DISABLED": "true"], home: "/nonexistent")
        let s3 = S3(AWSClient(environment: env, region: "us-east-1"))
        let bucket = "bpctl-bench-\(UUID().uuidString.prefix(8).lowercased())"
        try await s3.createBucket(bucket)
        try await s3.putObject(bucket: bucket, key: "config.yaml", body: Array(repeating: 0x61, count: 4096))

        let start = Date()
        if concurrency <= 1 {
            for _ in 0..<count { _ = try await s3.getObject(bucket: bucket, key: "config.yaml") }
        } else {
            try await withThrowingTaskGroup(of: Void.self) { group in
                var issued = 0
                for _ in 0..<min(concurrency, count) {
                    group.addTask { _ = try await s3.getObject(bucket: bucket, key: "config.yaml") }
                    issued += 1
                }
                while try await group.next() != nil {
                    if issued < count {
                        group.addTask { _ = try await s3.getObject(bucket: bucket, key: "config.yaml") }
                        issued += 1
                    }
                }
            }
        }
        let elapsed = Date().timeIntervalSince(start)
        print(String(format: "%d GETs, concurrency %d: %.3f s total, %.2f ms per GET, %.0f GETs/s",
                     count, concurrency, elapsed, elapsed * 1000 / Double(count), Double(count) / elapsed))
    }
}
