// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "bpctl",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "bpctl", targets: ["bpctl"]),
        .executable(name: "neurocaas-contrib", targets: ["neurocaas-contrib"]),
        .library(name: "BlueprintKit", targets: ["BlueprintKit"]),
        .library(name: "AWSClient", targets: ["AWSClient"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
    ],
    targets: [
        // Blueprints: positioned parsing, the typed model, rules, suppressions, renderers.
        .target(
            name: "BlueprintKit",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // OpenSSL's libcrypto (Debian: libssl-dev) for SHA-256 and HMAC in SigV4.
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // AWS: SigV4 signer, credential providers, endpoints, transport, thin per-service calls.
        .target(name: "AWSClient", dependencies: ["CLibCrypto"]),
        // `bpctl audit affiliates`: blueprint intent × IAM reality, one file per finding kind.
        .target(name: "Audit", dependencies: ["BlueprintKit", "AWSClient"]),
        // zlib (Debian: zlib1g-dev) to inflate zip entries for `scripting parse-zip`.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // The on-instance `workflow`/`scripting` commands: state files, registration, transfers.
        .target(name: "WorkflowKit", dependencies: ["AWSClient", "CZlib", .product(name: "Yams", package: "Yams")]),
        // Drop-in `neurocaas-contrib` executable for analysis scripts.
        .executableTarget(
            name: "neurocaas-contrib",
            dependencies: ["WorkflowKit", "AWSClient", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The CLI: parses flags, calls BlueprintKit, renders, picks the exit code.
        .executableTarget(
            name: "bpctl",
            dependencies: [
                "BlueprintKit",
                "AWSClient",
                "Audit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fixtures are read from the source tree by path (the JSON Schema suite's remotes).
        // bench/s3.sh's load generator (not installed; benchmarks only).
        .executableTarget(name: "bpctl-bench", dependencies: ["AWSClient"]),
        .testTarget(name: "BlueprintKitTests", dependencies: ["BlueprintKit"], exclude: ["Fixtures"]),
        // Runs the built bpctl binary: exit codes, formats, malformed input.
        .testTarget(name: "bpctlTests", dependencies: ["BlueprintKit", "bpctl", "TestSupport"]),
        // Test helpers shared by test targets: moto_server and Python fakes on 127.0.0.1
        // (no XCTest import, so release builds of every target still work).
        .target(name: "TestSupport", dependencies: ["AWSClient"], path: "Tests/TestSupport", exclude: ["Fixtures"]),
        .testTarget(name: "AWSClientTests", dependencies: ["AWSClient", "TestSupport"]),
        .testTarget(name: "AuditTests", dependencies: ["Audit", "BlueprintKit", "AWSClient", "TestSupport"]),
        .testTarget(name: "WorkflowKitTests", dependencies: ["WorkflowKit", "AWSClient", "TestSupport", "neurocaas-contrib"]),
    ]
)
