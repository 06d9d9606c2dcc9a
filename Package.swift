// swift-tools-version:6.2
// fora — a terminal client for community forums. The targets mirror the layers of
// ARCHITECTURE.md: C bridges, the domain, rendering, network, backends, store, TUI, and the demo server.
import PackageDescription

let package = Package(
    name: "fora",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "fora", targets: ["fora"]),
        .executable(name: "fora-demo-server", targets: ["fora-demo-server"]),
        .executable(name: "fora-demo-server-tls", targets: ["fora-demo-server-tls"]),
        .executable(name: "fora-bench", targets: ["fora-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Only the demo server's TLS + HTTP/2 mode (DemoServerTLS) uses it; fora speaks TLS via libcurl.
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // C bridges: a module map and a shim header each, nothing else.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .systemLibrary(name: "CCurl", path: "Sources/CCurl", pkgConfig: "libcurl"),
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0"),
        .systemLibrary(name: "CFriBidi", path: "Sources/CFriBidi", pkgConfig: "fribidi"),
        .systemLibrary(name: "CCmarkGFM", path: "Sources/CCmarkGFM"),
        // The quit-signal handler, compiled C: its <signal.h> must not meet the curses shim's
        // _XOPEN_SOURCE, or Clang sees two different `ucontext_t`s across modules.
        .target(name: "CQuitSignal", path: "Sources/CQuitSignal"),
        // The system's libcrypto (libssl-dev) for the RSA of User API Keys, so no vendored
        // BoringSSL is compiled; ForaRSA is its Swift face, shared by fora and the demo server.
        .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL", pkgConfig: "libcrypto"),
        .target(name: "ForaRSA", dependencies: ["COpenSSL"]),

        // The domain: models, the CommunityService protocol, errors, configuration. Pure Swift.
        .target(
            name: "ForaCore",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]),
        .target(name: "ForaRender", dependencies: ["ForaCore", "CLibXML2", "CCmarkGFM", "CFriBidi"]),
        // The generic HTTP client (libcurl) and transport: no platform's endpoints.
        .target(name: "ForaNet", dependencies: ["ForaCore", "CCurl"]),
        // Backends: one folder per platform, holding everything that knows its wire format (its
        // CommunityService, sync source, outbox transport, live updates, login and JSON). Only a
        // backend folder may name a platform's endpoint.
        .target(
            name: "DiscourseBackend",
            dependencies: [
                "ForaCore", "ForaNet", "ForaRSA",
            ],
            path: "Sources/Backends/Discourse"),
        .target(
            name: "ForaStore",
            dependencies: ["ForaCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(
            name: "ForaTUI",
            dependencies: [
                "ForaCore", "ForaRender", "ForaStore", "CNcursesw", "CQuitSignal",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]),
        // The demo community: its entities and the deterministic content generator.
        .target(name: "DemoCommunity", exclude: ["Content/ACCOUNTS.md"]),
        // The Discourse-compatible HTTP surface over the demo community.
        .target(
            name: "DemoServer",
            dependencies: [
                "DemoCommunity", "ForaRSA",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
            ]),
        // Its TLS + HTTP/2 mode (so the client's verification and multiplexing are tested for
        // real): only tests and benchmarks build it, so `make demo` compiles no swift-nio-ssl.
        .target(
            name: "DemoServerTLS",
            dependencies: [
                "DemoServer",
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdHTTP2", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]),
        // The options and run loop both demo server executables share.
        .target(
            name: "DemoServerCommandLine",
            dependencies: ["DemoServer", .product(name: "ArgumentParser", package: "swift-argument-parser")]),

        // Executables: thin front ends over the libraries.
        .executableTarget(
            name: "fora",
            dependencies: [
                "ForaCore", "ForaRender", "ForaNet", "DiscourseBackend", "ForaStore", "ForaTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "fora-demo-server",
            dependencies: [
                "DemoServer", "DemoServerCommandLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "fora-demo-server-tls",
            dependencies: [
                "DemoServer", "DemoServerCommandLine", "DemoServerTLS",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // Benchmarks, run in a release build by `make bench`; never timed inside tests.
        .executableTarget(
            name: "fora-bench",
            dependencies: [
                "ForaCore", "ForaRender", "ForaNet", "DiscourseBackend", "ForaStore", "ForaTUI", "DemoCommunity",
                "DemoServer", "DemoServerTLS",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // libFuzzer target over the renderer; built only by scripts/fuzz-render.sh (-sanitize=fuzzer).
        .executableTarget(name: "ForaRenderFuzz", dependencies: ["ForaRender"]),

        // Tests mirror the targets; EndToEndTests drive the real binaries in tmux.
        // TopicListQuery's Discourse paths are tested with the models they query.
        .testTarget(name: "ForaCoreTests", dependencies: ["ForaCore", "DiscourseBackend"]),
        .testTarget(name: "ForaRSATests", dependencies: ["ForaRSA"]),
        .testTarget(
            name: "ForaNetTests", dependencies: ["ForaNet", "DiscourseBackend", "DemoServer", "DemoServerTLS"]),
        .testTarget(name: "DemoCommunityTests", dependencies: ["DemoCommunity"]),
        .testTarget(
            name: "DemoServerTests",
            dependencies: ["DemoServer", "ForaRSA"],
            // Read from the source tree by the schema tests (Python's jsonschema), not bundled.
            exclude: ["Spec", "Support/schema_errata.json", "Support/validate_schema.py"]),
        .testTarget(
            name: "ForaRenderTests", dependencies: ["ForaRender", "CLibXML2", "DemoCommunity"],
            resources: [.copy("Golden")]),
        .testTarget(name: "ForaStoreTests", dependencies: ["ForaStore", "DiscourseBackend", "DemoServer"]),
        .testTarget(
            name: "ForaTUITests", dependencies: ["ForaTUI", "ForaNet", "DiscourseBackend", "DemoServer"],
            // The linear-mode goldens are read from the source tree (#filePath), not bundled.
            exclude: ["Accessibility/Golden"]),
        .testTarget(name: "EndToEndTests", dependencies: ["DemoServer", "DemoServerTLS"]),
    ]
)
