import Testing
import Ports

@Suite struct PortSpecTests {
    @Test(arguments: [
        ("memory", PortSpec.memory),
        ("  MEMORY ", PortSpec.memory),
        ("pcap:in.pcap", PortSpec.pcap(input: "in.pcap", output: nil)),
        ("pcap:in.pcap,out.pcap", PortSpec.pcap(input: "in.pcap", output: "out.pcap")),
        ("pcap:,out.pcap", PortSpec.pcap(input: nil, output: "out.pcap")),
        ("pcap:/tmp/a b.pcapng", PortSpec.pcap(input: "/tmp/a b.pcapng", output: nil)),
        ("tap:p4p0", PortSpec.tap(name: "p4p0")),
        ("afpacket:eth0", PortSpec.afPacket(interface: "eth0")),
        ("af_packet:veth-a.10", PortSpec.afPacket(interface: "veth-a.10")),
    ])
    func parsesEveryForm(text: String, expected: PortSpec) throws {
        let spec = try PortSpec(parsing: text)
        #expect(spec == expected)
        #expect(try PortSpec(parsing: spec.description) == spec)
    }

    @Test(arguments: [
        ("", "invalid port spec '': empty; expected memory, pcap:IN[,OUT], pcap:,OUT, tap:NAME or afpacket:IFACE"),
        ("memory:4", "invalid port spec 'memory:4': memory takes no argument"),
        ("pcap", "invalid port spec 'pcap': pcap needs a file: pcap:IN, pcap:IN,OUT or pcap:,OUT"),
        ("pcap:", "invalid port spec 'pcap:': pcap needs a file: pcap:IN, pcap:IN,OUT or pcap:,OUT"),
        ("pcap:,", "invalid port spec 'pcap:,': output file after ',' is empty"),
        ("pcap:a,", "invalid port spec 'pcap:a,': output file after ',' is empty"),
        ("pcap:a,b,c", "invalid port spec 'pcap:a,b,c': pcap takes at most two files (input and output), got 3"),
        ("pcap:x.pcap,x.pcap", "invalid port spec 'pcap:x.pcap,x.pcap': input and output are the same file 'x.pcap'"),
        ("tap", "invalid port spec 'tap': tap needs an interface name: tap:NAME"),
        ("tap:", "invalid port spec 'tap:': tap needs an interface name: tap:NAME"),
        ("tap:a-name-that-is-too-long",
         "invalid port spec 'tap:a-name-that-is-too-long': interface name 'a-name-that-is-too-long' is 23 bytes long; Linux allows at most 15"),
        ("tap:a/b", "invalid port spec 'tap:a/b': interface name 'a/b' contains '/'"),
        ("tap:..", "invalid port spec 'tap:..': interface name '..' is reserved"),
        ("tap:tap%d", "invalid port spec 'tap:tap%d': interface name 'tap%d' contains '%' (name patterns are not supported; give the exact name)"),
        ("afpacket:eth 0", "invalid port spec 'afpacket:eth 0': interface name 'eth 0' contains whitespace or a control character"),
        ("afpacket:eth0:1", "invalid port spec 'afpacket:eth0:1': interface name 'eth0:1' contains ':'"),
        ("dpdk:0000:01:00.0",
         "invalid port spec 'dpdk:0000:01:00.0': unknown port kind 'dpdk'; expected memory, pcap:IN[,OUT], pcap:,OUT, tap:NAME or afpacket:IFACE"),
    ])
    func rejectsWithAClearReason(text: String, message: String) {
        do {
            let spec = try PortSpec(parsing: text)
            Issue.record("'\(text)' parsed as \(spec)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func opensMemoryAndPcapBackendsFromSpecs() throws {
        let memory = try PortBackend.open(try PortSpec(parsing: "memory"), memoryQueueCapacity: 4)
        let port = try #require(memory.memoryPort)
        try port.inject(testFrame(1))
        var batch = PacketBatch(capacity: 8)
        #expect(try memory.receive(into: &batch) == 1)
        #expect(try memory.transmit(batch) == 1)
        #expect(port.capture().map(\.bytes) == [testFrame(1)])
        #expect(memory.statistics.txPackets == 1)
        #expect(memory.label == "memory")
        memory.close()

        let directory = try TemporaryDirectory()
        let path = directory.path("o.pcap")
        let pcap = try PortBackend.open(.pcap(input: nil, output: path))
        #expect(pcap.memoryPort == nil)
        #expect(pcap.pollDescriptor == nil)
        #expect(try pcap.transmit(batch) == 1)
        pcap.close()
    }

    @Test func failedSetupThrowsInsteadOfCrashing() {
        #expect(throws: PortError.self) { try PortBackend.open(.pcap(input: "/nonexistent/in.pcap", output: nil)) }
        #expect(throws: PortError.noSuchInterface("p4-no-such-if")) {
            try PortBackend.open(.afPacket(interface: "p4-no-such-if"))
        }
    }
}
