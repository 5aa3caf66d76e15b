import P4Model
import Testing

@Suite("P4Info lookups")
struct P4InfoIndexTests {
    let index: P4InfoIndex

    init() throws { index = try P4InfoIndex(textFormat: SampleP4Info.text) }

    @Test func tablesByIdNameAliasAndSuffix() {
        #expect(index.table(0x0200_0001)?.preamble.name == "ingress.ipv4_lpm")
        #expect(index.table(named: "ingress.ipv4_lpm")?.id == 0x0200_0001)
        #expect(index.table(named: "ipv4_lpm")?.id == 0x0200_0001)
        #expect(index.table(named: "lb")?.id == 0x0200_0003)
        #expect(index.table(named: "egress.lb")?.id == 0x0200_0003)
        #expect(index.table(named: "nope") == nil)
        #expect(index.table(0x0200_0009) == nil)
    }

    @Test func ambiguousSuffixesDoNotResolve() throws {
        let index = try P4InfoIndex(textFormat: """
            tables { preamble { id: 0x02000001 name: "s.c1.t" alias: "c1.t" } }
            tables { preamble { id: 0x02000002 name: "s.c2.t" alias: "c2.t" } }
            """)
        #expect(index.table(named: "t") == nil)
        #expect(index.table(named: "c1.t")?.id == 0x0200_0001)
        #expect(index.table(named: "c2.t")?.id == 0x0200_0002)
        #expect(index.table(named: "s.c2.t")?.id == 0x0200_0002)
    }

    @Test func localItems() {
        #expect(index.matchField(1, inTable: 0x0200_0001)?.name == "hdr.ipv4.dst_addr")
        #expect(index.matchField(named: "dport", inTable: 0x0200_0002)?.id == 3)
        #expect(index.matchField(4, inTable: 0x0200_0002) == nil)
        #expect(index.matchField(1, inTable: 0x0200_0009) == nil)
        #expect(index.param(2, inAction: 0x0100_0001)?.name == "mac")
        #expect(index.param(named: "port", inAction: 0x0100_0001)?.bitwidth == 32)
        #expect(index.action(named: "forward")?.id == 0x0100_0001)
        #expect(index.action(named: "NoAction")?.params.isEmpty == true)
        #expect(index.actionRef(0x0100_0002, inTable: 0x0200_0001)?.scope == .defaultOnly)
        #expect(index.actionRef(0x0100_0001, inTable: 0x0200_0002)?.scope == .tableOnly)
        #expect(index.actionRef(0x0100_0002, inTable: 0x0200_0003) == nil)
        #expect(index.matchField(1, inValueSet: 0x0300_0001)?.bitwidth == 16)
    }

    @Test func resourcesOfTables() {
        #expect(index.actionProfile(ofTable: 0x0200_0003)?.preamble.name == "egress.selector")
        #expect(index.actionProfile(ofTable: 0x0200_0001) == nil)
        #expect(index.directCounter(ofTable: 0x0200_0001)?.id == 0x1300_0001)
        #expect(index.directMeter(ofTable: 0x0200_0001)?.id == 0x1500_0001)
        #expect(index.directCounter(ofTable: 0x0200_0002) == nil)
    }

    @Test func everyKindByIdAndName() {
        #expect(index.actionProfile(named: "selector")?.id == 0x1100_0001)
        #expect(index.counter(named: "port_counter")?.size == 512)
        #expect(index.counter(0x1200_0001)?.preamble.alias == "port_counter")
        #expect(index.directCounter(named: "lpm_counter")?.id == 0x1300_0001)
        #expect(index.directCounter(0x1300_0001)?.directTableId == 0x0200_0001)
        #expect(index.meter(named: "ingress.port_meter")?.id == 0x1400_0001)
        #expect(index.meter(0x1400_0001)?.size == 512)
        #expect(index.directMeter(named: "lpm_meter")?.id == 0x1500_0001)
        #expect(index.directMeter(0x1500_0001) != nil)
        #expect(index.register(named: "flows")?.id == 0x1600_0001)
        #expect(index.register(0x1600_0001)?.size == 1024)
        #expect(index.digest(named: "learn")?.id == 0x1700_0001)
        #expect(index.digest(0x1700_0001) != nil)
        #expect(index.valueSet(named: "tpids")?.id == 0x0300_0001)
        #expect(index.valueSet(0x0300_0001)?.size == 4)
        #expect(index.actionProfile(0x1100_0001)?.withSelector == true)
        #expect(index.externInstance(0x8100_0001, ofType: 0x81)?.preamble.name == "ingress.hash")
        #expect(index.externInstance(0x8100_0001, ofType: 0x82) == nil)
    }

    @Test func packetMetadata() throws {
        let packetIn = try #require(index.packetIn)
        #expect(packetIn.id == 0x0400_0001)
        #expect(index.packetOut?.metadata.map(\.name) == ["egress_port"])
        #expect(index.packetMetadata(2, in: packetIn.id)?.name == "reason")
        #expect(index.packetMetadata(named: "ingress_port", in: packetIn.id)?.id == 1)
        #expect(index.controllerPacketMetadata(0x0400_0002)?.preamble.name == "packet_out")
    }

    @Test func kindsNamesAndTranslations() {
        #expect(index.kind(of: 0x0200_0002) == .table)
        #expect(index.kind(of: 0x1700_0001) == .digest)
        #expect(index.kind(of: 0x0400_0001) == .controllerHeader)
        #expect(index.kind(of: 0x0200_0042) == nil)
        #expect(index.name(of: 0x1100_0001) == "egress.selector")
        #expect(index.name(of: 0x0100_0002) == "NoAction")
        #expect(index.name(of: 0x9999) == nil)
        let port = index.matchField(1, inTable: 0x0200_0002)?.typeName
        #expect(index.translation(of: port) == P4NewTypeTranslation(uri: "p4.org/pna/v1/PortId_t", sdnType: .sdnBitwidth(32)))
        #expect(index.translation(of: nil) == nil)
        #expect(index.translation(of: P4NamedType(name: "Kind")) == nil)
    }
}
