// swift-tools-version: 6.0
import PackageDescription

// Layering (see docs/architecture.md): clients -> HTTP adapter -> service -> device protocol -> model.
// C appears only in the system-library and shim targets at the top of the list.

let package = Package(
    name: "p4rtd",
    products: [
        .library(name: "P4Model", targets: ["P4Model"]),
        .library(name: "SWX", targets: ["SWX"]),
    ],
    targets: [
        // C wrappers: each is imported by exactly one Swift module.
        .systemLibrary(name: "CMicroHTTPD", pkgConfig: "libmicrohttpd", providers: [.apt(["libmicrohttpd-dev"])]),
        .systemLibrary(name: "CJansson", pkgConfig: "jansson", providers: [.apt(["libjansson-dev"])]),
        .target(name: "CHTTPShim", dependencies: ["CMicroHTTPD"]),
        .systemLibrary(name: "CIntrinsics"),
        .systemLibrary(name: "CNetLinux"),
        .systemLibrary(name: "CPcap", pkgConfig: "libpcap", providers: [.apt(["libpcap-dev"])]),

        // Model and engine.
        .target(name: "P4Model"),
        .target(
            name: "SWX",
            dependencies: ["CIntrinsics"],
            swiftSettings: [.unsafeFlags(["-Xcc", "-msse4.2"])]
        ),
        .target(name: "Ports", dependencies: ["CNetLinux", "CPcap"]),
        .target(name: "SoftwareTarget", dependencies: ["SWX", "Ports"]),

        // JSON and HTTP.
        .target(name: "JSONCore", dependencies: ["CJansson"]),
        .target(name: "HTTPServer", dependencies: ["CMicroHTTPD", "CHTTPShim"]),

        // Tests.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "P4ModelTests", dependencies: ["P4Model", "TestSupport"]),
        .testTarget(name: "SWXTests", dependencies: ["SWX", "TestSupport"]),
        .testTarget(name: "PortsTests", dependencies: ["Ports", "TestSupport"]),
        .testTarget(name: "SoftwareTargetTests", dependencies: ["SoftwareTarget", "TestSupport"]),
        .testTarget(name: "JSONCoreTests", dependencies: ["JSONCore", "TestSupport"]),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "TestSupport"]),
        .testTarget(name: "ProgramsTests", dependencies: ["P4Model", "SWX", "TestSupport"]),
    ]
)
