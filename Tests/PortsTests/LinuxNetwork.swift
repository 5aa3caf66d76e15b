import Foundation
import Glibc
import Ports
import TestSupport

/// What the TAP and AF_PACKET tests need from the machine, and helpers to build and tear down their
/// interfaces and namespaces with `ip`.
enum LinuxNetwork {
    static let ipTool: String? = ["/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// True when the tests can create interfaces: root, `/dev/net/tun`, and `ip`.
    static var available: Bool {
        getuid() == 0 && FileManager.default.fileExists(atPath: TapPort.clonePath) && ipTool != nil
    }

    static let unavailableReason = "skipped: needs root, /dev/net/tun and the ip tool to create TAP/veth interfaces"

    /// An interface or namespace name unique to this test run (so parallel tests never collide), ≤ 15 bytes.
    static func uniqueName(_ prefix: String) -> String {
        prefix + String(UInt32.random(in: 0...UInt32.max), radix: 16)
    }

    /// Runs a program to completion; returns its exit status and its standard output and error combined.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try ChildProcess.run(tool, arguments)
    }

    /// Runs `ip ARGS`, throwing with its output when it fails.
    static func ip(_ arguments: String...) throws {
        guard let tool = ipTool else { throw Failure("ip tool not found") }
        let result = try run(tool, arguments)
        guard result.status == 0 else { throw Failure("ip \(arguments.joined(separator: " ")): \(result.output)") }
    }

    /// Stops IPv6 from sending router solicitations and MLD reports on a test interface.
    static func disableIPv6(_ interface: String) {
        let path = "/proc/sys/net/ipv6/conf/\(interface)/disable_ipv6"
        if FileManager.default.fileExists(atPath: path) { try? "1".write(toFile: path, atomically: false, encoding: .utf8) }
    }

    /// Waits (up to 10 s) until every interface's operational state is "up": a veth pair set up with `ip` only
    /// carries frames once the kernel has brought both carriers up, which takes a moment on a busy machine.
    static func waitUntilOperational(_ names: String...) throws {
        let deadline = Date().addingTimeInterval(10)
        for name in names {
            while (try? String(contentsOfFile: "/sys/class/net/\(name)/operstate", encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) != "up" {
                guard Date() < deadline else { throw Failure("\(name) did not come up within 10 s") }
                _ = poll(nil, 0, 10)
            }
        }
    }

    static func interfaceExists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: "/sys/class/net/\(name)")
    }

    /// Receives from `port` until `count` frames carrying the test EtherType arrived or 5 s passed; frames of
    /// other protocols (stray IPv6 or ARP traffic) are ignored. Waits in poll(2), never sleeps.
    static func collect<Port: PacketPort>(_ count: Int, from port: Port, batch: inout PacketBatch) throws -> [[UInt8]] {
        guard let fd = port.pollDescriptor else { throw Failure("\(port.label) has no poll descriptor") }
        var frames: [[UInt8]] = []
        let deadline = Date().addingTimeInterval(5)
        while frames.count < count, Date() < deadline {
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            _ = poll(&entry, 1, 200)
            let received = try port.receive(into: &batch)
            for index in 0..<received {
                let frame = batch.bytes(of: index)
                if frame.count >= 14, frame[12] == 0x88, frame[13] == 0xb5 { frames.append(frame) }
            }
        }
        return frames
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
