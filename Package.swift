// swift-tools-version:6.0
import PackageDescription

// The static Swift runtime's link arguments export every public symbol of an executable
// (`-export-dynamic`): 7,000 entries the loader hashes and the runtime's backtracer walks with
// dladdr at every start (0.24 M instructions of `bpctl --version`'s 3.7 M). Nothing looks them up.
let noExportedSymbols: [LinkerSetting] = [.unsafeFlags(["-Xlinker", "--no-export-dynamic"])]

let package = Package(
    name: "bpctl",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "bpctl", targets: ["bpctl"]),
        .executable(name: "bpctl-full", targets: ["bpctl-full"]),
        .executable(name: "neurocaas-contrib", targets: ["neurocaas-contrib"]),
        .executable(name: "neurocaas-contrib-full", targets: ["neurocaas-contrib-full"]),
        .library(name: "BlueprintKit", targets: ["BlueprintKit"]),
        .library(name: "AWSClient", targets: ["AWSClient"]),
        .library(name: "GitKit", targets: ["GitKit"]),
        .library(name: "Applier", targets: ["Applier"]),
        .library(name: "Planner", targets: ["Planner"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
    ],
    targets: [
        // What swift-corelibs-foundation gave the targets linked into the fronts (NSLock, NSString
        // paths, CharacterSet trimming, FileHandle), on libc and FoundationEssentials alone, and the
        // fronts' exec of their companion: Foundation's presence costs every process ~1 ms of
        // start-up (docs/performance.md, "Start-up").
        .target(name: "PlatformSupport"),
        // Blueprints: positioned parsing, the typed model, rules, suppressions, renderers.
        .target(
            name: "BlueprintKit",
            dependencies: ["PlatformSupport", "CLibYAML"],
            // Metadata of concrete generic types (Dictionary<ScalarKey, …>, Set<String>, …) through
            // accessor functions that pass the conformances, not through mangled names the runtime
            // resolves by scanning every conformance record of the binary (issue 13).
            swiftSettings: [.unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"])],
            // YAML through the system libyaml, statically (as WorkflowCore): Yams' Swift layer pulls
            // swift-corelibs-foundation into every binary that links BlueprintKit.
            linkerSettings: [.linkedLibrary(":libyaml.a")]
        ),
        // The ICU regex engine (NSRegularExpression) for schema patterns ECMARegex refuses, kept out
        // of BlueprintKit so a front links without Foundation; executables call SchemaICU.install().
        .target(name: "SchemaICU", dependencies: ["BlueprintKit"]),
        // OpenSSL's libcrypto for SHA-256 and HMAC in SigV4, opened with dlopen on the first
        // signature (no pkg-config: that would link it into every start-up).
        .systemLibrary(name: "CLibCrypto"),
        // libcurl's header only (Debian: libcurl4-openssl-dev): the library is opened with dlopen on
        // the first request, so offline commands never load it (docs/performance.md, "Start-up").
        .systemLibrary(name: "CCurlLoader"),
        // AWS: SigV4 signer, credential providers, endpoints, transport, thin per-service calls.
        .target(name: "AWSClient", dependencies: ["CLibCrypto", "CCurlLoader", "PlatformSupport"]),
        // `bpctl audit affiliates`: blueprint intent × IAM reality, one file per finding kind.
        .target(name: "Audit", dependencies: ["BlueprintKit", "AWSClient"]),
        // zlib (Debian: zlib1g-dev) to inflate zip entries for `scripting parse-zip`.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // libgit2 (Debian: libgit2-dev): blueprints at revisions and commits without the git
        // executable; opened with dlopen on first use (its header gives the types), like libcurl.
        .systemLibrary(name: "CLibGit2"),
        .target(name: "GitKit", dependencies: ["CLibGit2", "PlatformSupport"]),
        // Carrying changes out: the apply lock, the journal, AMI creation and blueprint updates.
        .target(name: "Applier", dependencies: ["BlueprintKit", "AWSClient", "GitKit", "Planner", "CZlib", .product(name: "Yams", package: "Yams")]),
        // The system libyaml's header (Debian: libyaml-dev); WorkflowCore links libyaml.a.
        .systemLibrary(name: "CLibYAML", providers: [.apt(["libyaml-dev"])]),
        // What the front `neurocaas-contrib` needs: state files, the getters, read-yaml. Only
        // FoundationEssentials and libyaml, statically: anything that pulls swift-corelibs-foundation
        // (NSString, Yams, AWSClient) doubles start-up (docs/performance.md, "Start-up").
        .target(name: "WorkflowCore", dependencies: ["CLibYAML", "PlatformSupport"], linkerSettings: [.linkedLibrary(":libyaml.a")]),
        // The on-instance `workflow`/`scripting` commands: state files, registration, transfers.
        .target(name: "WorkflowKit", dependencies: ["WorkflowCore", "AWSClient", "CZlib"]),
        // Developer- and user-side analysis tools: job checks, `init` scaffolding, monitoring.
        .target(name: "AnalysisKit", dependencies: ["BlueprintKit", "AWSClient"]),
        // Dev instances (`bpctl dev`, `neurocaas-contrib remote`): pool state, launch, jobs over SSM.
        .target(name: "DevInstances", dependencies: ["BlueprintKit", "AWSClient", "Applier"]),
        // Drop-in `neurocaas-contrib` for analysis scripts: a small front that answers the getters and
        // read-yaml itself and runs `neurocaas-contrib-full` (installed next to it) for everything else.
        .executableTarget(name: "neurocaas-contrib", dependencies: ["WorkflowCore", "PlatformSupport"], linkerSettings: noExportedSymbols),
        .executableTarget(
            name: "neurocaas-contrib-full",
            dependencies: ["WorkflowKit", "AWSClient", "AnalysisKit", "BlueprintKit", "SchemaICU", "DevInstances", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            linkerSettings: noExportedSymbols
        ),
        // Desired state from a blueprint, live state from AWS, the diff, the plan document.
        .target(name: "Planner", dependencies: ["BlueprintKit", "AWSClient", "GitKit"]),
        // What both bpctl binaries run: validate, rules, schema, whoami, the entry point (usage
        // errors exit 2, "did you mean") and output helpers, on FoundationEssentials and libc only,
        // so the front links no swift-corelibs-foundation (docs/performance.md, "Start-up").
        .target(
            name: "BPCtlCommands",
            dependencies: ["BlueprintKit", "AWSClient", "PlatformSupport", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: [.unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"])]
        ),
        // The front `bpctl`: answers --version, validate, rules, schema and whoami itself and runs
        // `bpctl-full` (installed next to it) for everything else, as neurocaas-contrib does.
        .executableTarget(
            name: "bpctl",
            dependencies: ["BPCtlCommands", "PlatformSupport", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            linkerSettings: noExportedSymbols
        ),
        // The whole CLI (`bpctl-full`): parses flags, calls the libraries, renders, picks the exit code.
        .executableTarget(
            name: "bpctl-full",
            dependencies: [
                "BPCtlCommands",
                "BlueprintKit",
                "SchemaICU",
                "AWSClient",
                "Audit",
                "DevInstances",
                "Applier",
                "Planner",
                "GitKit",
                "AnalysisKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: noExportedSymbols
        ),
        // Fixtures are read from the source tree by path (the JSON Schema suite's remotes).
        // bench/s3.sh's load generator (not installed; benchmarks only).
        .executableTarget(name: "bpctl-bench", dependencies: ["AWSClient"]),
        // Writes the bundled schema's generated check (scripts/gen-schema-check.sh; not installed).
        .executableTarget(name: "schema-codegen", dependencies: ["BlueprintKit"]),
        .testTarget(name: "BlueprintKitTests", dependencies: ["BlueprintKit", "PlatformSupport", "SchemaICU", .product(name: "Yams", package: "Yams")], exclude: ["Fixtures"]),
        // Runs the built bpctl binary: exit codes, formats, malformed input.
        .testTarget(name: "bpctlTests", dependencies: ["BlueprintKit", "AWSClient", "BPCtlCommands", "PlatformSupport", "bpctl", "bpctl-full", "TestSupport"]),
        // Test helpers shared by test targets: moto_server and Python fakes on 127.0.0.1
        // (no XCTest import, so release builds of every target still work).
        .target(name: "TestSupport", dependencies: ["AWSClient"], path: "Tests/TestSupport", exclude: ["Fixtures"]),
        // The deployed analysis (moto) that the planner and applier tests share.
        .target(name: "PlanFixtures", dependencies: ["Planner", "BlueprintKit", "AWSClient", "TestSupport"], path: "Tests/PlanFixtures"),
        .testTarget(name: "AWSClientTests", dependencies: ["AWSClient", "TestSupport", "PlatformSupport"]),
        .testTarget(name: "AuditTests", dependencies: ["Audit", "BlueprintKit", "AWSClient", "TestSupport"]),
        .testTarget(name: "DevInstancesTests", dependencies: ["DevInstances", "AWSClient", "BlueprintKit", "TestSupport", "bpctl", "bpctl-full", "neurocaas-contrib", "neurocaas-contrib-full"]),
        .testTarget(name: "GitKitTests", dependencies: ["GitKit", "TestSupport"]),
        .testTarget(name: "ApplierTests", dependencies: ["Applier", "Planner", "PlanFixtures", "BlueprintKit", "GitKit", "AWSClient", "TestSupport", "bpctl", "bpctl-full"], exclude: ["Fixtures"]),
        .testTarget(name: "PlannerTests", dependencies: ["Planner", "PlanFixtures", "BlueprintKit", "AWSClient", "GitKit", "TestSupport", "bpctl", "bpctl-full"], exclude: ["Golden"]),
        .testTarget(name: "AnalysisKitTests", dependencies: ["AnalysisKit", "BlueprintKit", "AWSClient", "WorkflowKit", "TestSupport", "bpctl", "bpctl-full", "neurocaas-contrib", "neurocaas-contrib-full"]),
        .testTarget(name: "WorkflowKitTests", dependencies: ["WorkflowKit", "WorkflowCore", "AWSClient", "TestSupport", "neurocaas-contrib", "neurocaas-contrib-full"]),
    ]
)
