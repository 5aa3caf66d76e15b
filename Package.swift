// swift-tools-version: 6.0
import PackageDescription

// Layering (see docs/architecture.md): clients -> HTTP adapter -> service -> device protocol -> model.
// C appears only in the system-library and shim targets at the top of the list.

let package = Package(
    name: "p4rtd",
    products: [
        .executable(name: "p4rtd", targets: ["p4rtd"]),
        .executable(name: "p4rtctl", targets: ["p4rtctl"]),
        .library(name: "P4RTClient", targets: ["P4RTClient"]),
        .library(name: "P4Model", targets: ["P4Model"]),
        .library(name: "SWX", targets: ["SWX"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // C wrappers: each is imported by exactly one Swift module.
        .systemLibrary(name: "CMicroHTTPD", pkgConfig: "libmicrohttpd", providers: [.apt(["libmicrohttpd-dev"])]),
        .systemLibrary(name: "CJansson", pkgConfig: "jansson", providers: [.apt(["libjansson-dev"])]),
        .target(name: "CHTTPShim", dependencies: ["CMicroHTTPD"]),
        .systemLibrary(name: "CIntrinsics"),
        .systemLibrary(name: "CNetLinux"),
        .systemLibrary(name: "CPcap", pkgConfig: "libpcap", providers: [.apt(["libpcap-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),

        // Model and engine.
        .target(name: "P4Model"),
        .target(
            name: "SWX",
            dependencies: ["CIntrinsics"],
            swiftSettings: [.unsafeFlags(["-Xcc", "-msse4.2"])]
        ),
        .target(name: "Ports", dependencies: ["CNetLinux", "CPcap"]),
        .target(name: "SoftwareTarget", dependencies: ["SWX", "Ports", "P4Device", "P4Model", "JSONCore"]),

        // Device protocol and P4Runtime semantics.
        .target(name: "P4Device", dependencies: ["P4Model"]),
        .target(name: "P4RuntimeService", dependencies: ["P4Device", "P4Model"]),

        // JSON and HTTP.
        .target(name: "JSONCore", dependencies: ["CJansson"]),
        .target(name: "HTTPServer", dependencies: ["CMicroHTTPD", "CHTTPShim"]),
        .target(name: "P4JSON", dependencies: ["P4Model", "JSONCore"]),

        // The HTTP adapter and the server executable.
        .target(
            name: "P4RuntimeHTTP",
            dependencies: ["P4RuntimeService", "P4JSON", "HTTPServer", "JSONCore", .product(name: "Logging", package: "swift-log")]
        ),
        .executableTarget(
            name: "p4rtd",
            dependencies: [
                "P4RuntimeHTTP", "P4RuntimeService", "P4JSON", "HTTPServer", "SoftwareTarget", "Ports", "JSONCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Clients.
        .target(name: "P4RTClient", dependencies: ["CCurl", "P4JSON", "P4Model", "JSONCore", .product(name: "Yams", package: "Yams")]),
        .executableTarget(
            name: "p4rtctl",
            dependencies: [
                "P4RTClient", "P4JSON", "P4Model", "JSONCore", "SWX",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Benchmarks (make bench).
        .executableTarget(
            name: "p4rtd-bench",
            dependencies: ["SWX", "SoftwareTarget", "P4RuntimeService", "P4Device", "P4Model", "Ports"]),

        // Tests.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "P4ModelTests", dependencies: ["P4Model", "TestSupport"]),
        .testTarget(name: "SWXTests", dependencies: ["SWX", "TestSupport"]),
        .testTarget(name: "PortsTests", dependencies: ["Ports", "TestSupport"]),
        .testTarget(
            name: "SoftwareTargetTests",
            dependencies: ["SoftwareTarget", "P4RuntimeService", "P4Device", "P4Model", "SWX", "TestSupport"],
            exclude: ["Resources"]),
        .testTarget(name: "JSONCoreTests", dependencies: ["JSONCore", "TestSupport"]),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "TestSupport"]),
        .testTarget(name: "P4RTClientTests", dependencies: ["P4RTClient", "P4Model", "P4JSON", "JSONCore", "TestSupport"]),
        .testTarget(name: "P4RuntimeHTTPTests", dependencies: [
            "P4RuntimeHTTP", "P4Model", "TestSupport", "P4Device", "P4RuntimeService", "HTTPServer", "SoftwareTarget",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(
            name: "P4JSONTests", dependencies: ["P4JSON", "TestSupport"],
            exclude: ["Contract"]
        ),
        .testTarget(
            name: "P4RuntimeServiceTests", dependencies: ["P4RuntimeService", "P4Device", "P4Model", "TestSupport"]),
        .testTarget(name: "ProgramsTests", dependencies: ["P4Model", "SWX", "TestSupport"]),
    ]
)
