import Foundation
import Glibc
import Testing
import Ports

@Suite(.enabled(if: LinuxNetwork.available, Comment(rawValue: LinuxNetwork.unavailableReason)))
struct TapPortTests {
    @Test func createsAnUpInterfaceThatCarriesFramesBothWaysAndVanishesOnClose() throws {
        let name = LinuxNetwork.uniqueName("p4t")
        let tap = try TapPort(name: name)
        #expect(tap.createdInterface)
        #expect(LinuxNetwork.interfaceExists(name))
        LinuxNetwork.disableIPv6(name)
        let flags = try String(contentsOfFile: "/sys/class/net/\(name)/flags", encoding: .utf8)
        #expect((Int(flags.trimmingCharacters(in: .whitespacesAndNewlines).dropFirst(2), radix: 16) ?? 0) & 1 == 1)

        // The kernel side of the TAP, seen through a packet socket on the same interface.
        let wire = try AFPacketPort(interface: name)
        var batch = PacketBatch(capacity: 16)
        batch.append(testFrame(1), timestamp: 1)
        batch.append(testFrame(2, length: 1514), timestamp: 2)
        #expect(try tap.transmit(batch) == 2)
        #expect(try LinuxNetwork.collect(2, from: wire, batch: &batch) == [testFrame(1), testFrame(2, length: 1514)])

        batch.removeAll()
        batch.append(testFrame(3))
        #expect(try wire.transmit(batch) == 1)
        #expect(try LinuxNetwork.collect(1, from: tap, batch: &batch) == [testFrame(3)])
        #expect(tap.statistics.txPackets == 2)
        #expect(tap.statistics.rxPackets >= 1)

        wire.close()
        tap.close()
        #expect(!LinuxNetwork.interfaceExists(name))
        #expect(tap.pollDescriptor == nil)
        #expect(throws: PortError.closed(port: "tap:\(name)")) { try tap.receive(into: &batch) }
    }

    @Test func keepsWorkingAfterMovingIntoANetworkNamespace() throws {
        let name = LinuxNetwork.uniqueName("p4t")
        let namespace = LinuxNetwork.uniqueName("p4ns")
        try LinuxNetwork.ip("netns", "add", namespace)
        defer { try? LinuxNetwork.ip("netns", "del", namespace) }
        let tap = try TapPort(name: name)
        defer { tap.close() }
        try LinuxNetwork.ip("link", "set", name, "netns", namespace)
        try LinuxNetwork.ip("-n", namespace, "link", "set", name, "up")
        #expect(!LinuxNetwork.interfaceExists(name))

        // Port → namespace: the interface's receive counter inside the namespace counts our frames.
        var batch = PacketBatch(capacity: 8)
        for tag: UInt8 in 1...3 { batch.append(testFrame(tag)) }
        #expect(try tap.transmit(batch) == 3)
        let counter = try LinuxNetwork.run(LinuxNetwork.ipTool ?? "ip", ["netns", "exec", namespace, "cat", "/sys/class/net/\(name)/statistics/rx_packets"])
        #expect(Int(counter.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 >= 3)

        // Namespace → port: a frame sent from inside the namespace reaches the port's descriptor.
        let python = try #require(LinuxNetwork.python, "python3 is needed to send from inside the namespace")
        let frame = testFrame(9)
        let script = "import socket; s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW); s.bind(('\(name)', 0)); "
            + "s.send(bytes([\(frame.map(String.init).joined(separator: ","))]))"
        let sent = try LinuxNetwork.run(LinuxNetwork.ipTool ?? "ip", ["netns", "exec", namespace, python, "-c", script])
        #expect(sent.status == 0, "\(sent.output)")
        #expect(try LinuxNetwork.collect(1, from: tap, batch: &batch) == [frame])
    }

    @Test func framesLongerThanASlotAreCountedNotDeliveredCut() throws {
        let name = LinuxNetwork.uniqueName("p4t")
        let tap = try TapPort(name: name)
        defer { tap.close() }
        LinuxNetwork.disableIPv6(name)
        let wire = try AFPacketPort(interface: name)
        defer { wire.close() }
        var batch = PacketBatch(capacity: 2)
        batch.append(testFrame(1, length: 600))
        batch.append(testFrame(2, length: 256))
        #expect(try wire.transmit(batch) == 2)
        var small = PacketBatch(capacity: 4, slotSize: 256, headroom: 0)
        #expect(try LinuxNetwork.collect(1, from: tap, batch: &small) == [testFrame(2, length: 256)])
        #expect(tap.statistics.rxErrors == 1)
    }

    @Test func refusesNamesThatAreTakenOrInvalid() throws {
        #expect(throws: PortError.notATapDevice("lo")) { try TapPort(name: "lo") }
        #expect(throws: PortError.self) { try TapPort(name: "bad/name") }
        let name = LinuxNetwork.uniqueName("p4t")
        let first = try TapPort(name: name)
        defer { first.close() }
        #expect(throws: PortError.interfaceBusy(name)) { try TapPort(name: name) }
        #expect(PortError.interfaceBusy(name).description.contains("already in use"))
    }
}

@Suite struct TapPortSetupErrorTests {
    @Test func missingCloneDeviceIsNamed() {
        #expect(throws: PortError.tunDeviceMissing(path: "/nonexistent/net/tun")) {
            try TapPort(name: "p4tmissing", cloneDevice: "/nonexistent/net/tun")
        }
        #expect(PortError.tunDeviceMissing(path: "/dev/net/tun").description.hasPrefix("/dev/net/tun is missing: the TUN/TAP driver"))
    }

    @Test func invalidNamesFailBeforeAnySystemCall() {
        #expect(throws: PortError.invalidSpec("tap:a b", reason: "interface name 'a b' contains whitespace or a control character")) {
            try TapPort(name: "a b")
        }
        #expect(throws: PortError.invalidSpec("afpacket:", reason: "interface name is empty")) {
            try AFPacketPort(interface: "")
        }
    }
}

/// Without root the setup must fail with an error that says what is missing, never crash.
@Suite(.enabled(if: getuid() != 0, "runs only without root (as root the ports open)"))
struct UnprivilegedPortTests {
    @Test func tapSetupNamesTheMissingPrivilege() {
        do {
            let port = try TapPort(name: LinuxNetwork.uniqueName("p4t"))
            port.close()
            Issue.record("created a TAP without root")
        } catch {
            switch error {
            case .permissionDenied(_, _, let capability):
                #expect(capability == "CAP_NET_ADMIN")
                #expect(error.description.contains("needs root or CAP_NET_ADMIN"))
            case .tunDeviceMissing: break
            default: Issue.record("unexpected error: \(error)")
            }
        }
    }

    @Test func packetSocketSetupNamesTheMissingPrivilege() {
        #expect(throws: PortError.permissionDenied(port: "afpacket:lo", operation: "open a packet socket", capability: "CAP_NET_RAW")) {
            try AFPacketPort(interface: "lo")
        }
    }
}
