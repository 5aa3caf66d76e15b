import JSONCore
import P4JSON
import P4Model
import Testing

@Suite("Friendly values")
struct FriendlyValueTests {
    @Test(arguments: [
        ("10.0.0.1", 32, [10, 0, 0, 1] as [UInt8]), ("0x0800", 16, [8, 0]), ("2048", 16, [8, 0]), ("0b101", 3, [5]),
        ("00:11:22:33:44:55", 48, [0, 0x11, 0x22, 0x33, 0x44, 0x55]), ("0a-0b-0c-0d-0e-0f", 48, [10, 11, 12, 13, 14, 15]),
        ("2001:db8::1", 128, [0x20, 1, 0x0d, 0xb8] + [UInt8](repeating: 0, count: 11) + [1]),
        ("::", 128, [0]), ("::ffff:10.0.0.1", 128, [0xff, 0xff, 10, 0, 0, 1]), ("0", 1, [0]),
        ("340282366920938463463374607431768211455", 128, [UInt8](repeating: 0xff, count: 16)),
    ])
    func textForms(text: String, width: Int, expected: [UInt8]) throws {
        #expect(try FriendlyValue.parse(.string(text), bitwidth: width, what: "v") == Bytestring.canonical(expected))
    }

    @Test func numbersAndBooleans() throws {
        #expect(try FriendlyValue.parse(.integer(80), bitwidth: 16, what: "v") == [80])
        #expect(try FriendlyValue.parse(.bool(true), bitwidth: 1, what: "v") == [1])
        #expect(try FriendlyValue.parse(.double(1e3), bitwidth: 16, what: "v") == [3, 0xe8])
    }

    @Test func widthAndSyntaxErrors() throws {
        let wide = try #require(throws: P4RuntimeError.self) { try FriendlyValue.parse(.integer(256), bitwidth: 8, what: "port") }
        #expect(wide.code == .outOfRange)
        #expect(wide.message == "port: value 0x0100 needs 9 bits, exceeds bitwidth 8")
        let bad = try #require(throws: P4RuntimeError.self) { try FriendlyValue.parse(.string("10.0.0.256"), bitwidth: 32, what: "ip") }
        #expect(bad.code == .invalidArgument)
        for text in ["1:2:3", "2001:db8::1::2", "0xg", "", "-1", "1.2.3", "12:34:56:78:9a:bc:de"] {
            #expect(FriendlyValue.parse(text) == nil, "\(text)")
        }
        #expect(throws: P4RuntimeError.self) { try FriendlyValue.parse(.integer(-1), bitwidth: 8, what: "v") }
    }

    @Test func formatRule() {
        #expect(FieldFormat(name: "hdr.ipv4.dstAddr", bitwidth: 32, typeName: nil, annotations: []) == .ipv4)
        #expect(FieldFormat(name: "hdr.ipv4.dst_ip", bitwidth: 32, typeName: nil, annotations: []) == .ipv4)
        #expect(FieldFormat(name: "hdr.ethernet.dstAddr", bitwidth: 48, typeName: nil, annotations: []) == .mac)
        #expect(FieldFormat(name: "dmac", bitwidth: 48, typeName: nil, annotations: []) == .number)
        #expect(FieldFormat(name: "src_mac", bitwidth: 48, typeName: nil, annotations: []) == .mac)
        #expect(FieldFormat(name: "hdr.ipv6.srcAddr", bitwidth: 128, typeName: nil, annotations: []) == .ipv6)
        #expect(FieldFormat(name: "port", bitwidth: 32, typeName: nil, annotations: []) == .number)
        #expect(FieldFormat(name: "nh", bitwidth: 32, typeName: nil, annotations: ["@format(IPV4_ADDRESS)"]) == .ipv4)
        #expect(FieldFormat(name: "x", bitwidth: 32, typeName: P4NamedType(name: "ipv4_addr_t"), annotations: []) == .ipv4)
        #expect(FieldFormat.ipv6.render([0x20, 1, 0x0d, 0xb8] + [UInt8](repeating: 0, count: 11) + [1]) == "2001:db8::1")
        #expect(FieldFormat.ipv6.render([1, 0, 0, 0, 0, 1] + [UInt8](repeating: 0, count: 10)) == "100:0:1::")
        #expect(FieldFormat.mac.render([0x11, 0x22]) == "00:00:00:00:11:22")
        #expect(FieldFormat.number.render([1, 0, 0, 0, 0, 0, 0, 0]) == "0x100000000000000")
        #expect(FieldFormat.number.render([0]) == .integer(0))
    }
}

@Suite("Friendly entities")
struct FriendlyEntityTests {
    let codec: FriendlyCodec

    init() throws { codec = FriendlyCodec(try SampleP4Info.index()) }

    func entity(_ text: String, forRead: Bool = false) throws(P4RuntimeError) -> Entity {
        try codec.entity(Array(text.utf8), forRead: forRead)
    }

    @Test func briefExampleRoundTrips() throws {
        let text = """
            {"table":"ingress.ipv4_lpm","match":{"hdr.ipv4.dstAddr":"10.0.0.0/8"},"action":"ingress.set_nhop",\
            "params":{"port":1,"dmac":"00:11:22:33:44:55"},"priority":10,"idleTimeoutNs":"1000000000"}
            """
        let entry = try codec.tableEntry(Array(text.utf8))
        #expect(entry == TableEntry(
            tableId: 0x0200_0001, match: [FieldMatch(fieldId: 1, .lpm(value: [10, 0, 0, 0], prefixLen: 8))],
            action: .action(Action(actionId: 0x0100_0001, params: [
                Action.Param(paramId: 1, value: [1]), Action.Param(paramId: 2, value: [0x11, 0x22, 0x33, 0x44, 0x55]),
            ])), priority: 10, idleTimeoutNs: 1_000_000_000))
        let rendered = codec.render(entry)
        // dmac has no address word in its name, so it renders as a number; ports too.
        #expect(rendered.serializedString() == """
            {"table":"ingress.ipv4_lpm","match":{"hdr.ipv4.dstAddr":"10.0.0.0/8"},"action":"ingress.set_nhop",\
            "params":{"port":1,"dmac":73588229205},"priority":10,"idleTimeoutNs":"1000000000"}
            """)
        var d = ProtoJSONDecoder()
        #expect(try codec.tableEntry(rendered, &d) == entry)
    }

    @Test func everyMatchKindAndWildcards() throws {
        let text = """
            {"tableEntry": {"table": "acl", "match": {"hdr.ethernet.etherType": "0x0800&&&0xffff",
             "meta.l4_port": "1000..2000", "hdr.ipv6.srcAddr": "2001:db8::1", "hdr.ethernet.dstAddr": "00:00:00:00:00:01",
             "hdr.ipv4.srcAddr": "10.0.0.0/8"}, "action": "drop", "priority": 5}}
            """
        guard case .tableEntry(let entry)? = try entity(text).kind else {
            Issue.record("expected a table entry")
            return
        }
        #expect(entry.match == [
            FieldMatch(fieldId: 1, .ternary(value: [8, 0], mask: [0xff, 0xff])),
            FieldMatch(fieldId: 2, .range(low: [3, 0xe8], high: [7, 0xd0])),
            FieldMatch(fieldId: 3, .optional(value: [0x20, 1, 0x0d, 0xb8] + [UInt8](repeating: 0, count: 11) + [1])),
            FieldMatch(fieldId: 4, .exact(value: [1])),
            FieldMatch(fieldId: 5, .ternary(value: [10, 0, 0, 0], mask: [0xff, 0, 0, 0])),
        ])
        let rendered = codec.render(Entity(.tableEntry(entry))).serializedString()
        #expect(rendered.contains(#""hdr.ethernet.etherType":"0x800&&&0xffff""#))
        #expect(rendered.contains(#""meta.l4_port":"1000..2000""#))
        #expect(rendered.contains(#""hdr.ipv4.srcAddr":"10.0.0.0&&&255.0.0.0""#))
        #expect(rendered.contains(#""hdr.ethernet.dstAddr":"00:00:00:00:00:01""#))
        #expect(try entity(rendered) == Entity(.tableEntry(entry)))

        let wild = try entity("""
            {"tableEntry": {"table": "acl", "match": {"hdr.ethernet.etherType": "*", "meta.l4_port": "0..65535",
             "hdr.ipv6.srcAddr": null, "hdr.ethernet.dstAddr": 1, "hdr.ipv4.srcAddr": "0.0.0.0&&&0.0.0.0"},
             "action": "drop", "priority": 1}}
            """)
        guard case .tableEntry(let wildEntry)? = wild.kind else { return }
        #expect(wildEntry.match == [FieldMatch(fieldId: 4, .exact(value: [1]))])
    }

    @Test func errorsNameThePathAndTheProblem() throws {
        func message(_ text: String) -> String? {
            do {
                _ = try entity(text)
                return nil
            } catch {
                return error.message
            }
        }
        #expect(message(#"{"tableEntry": {"table": "nope"}}"#) == #"tableEntry.table: unknown table "nope""#)
        #expect(message(#"{"tableEntry": {"table": "ipv4_lpm", "match": {"x": 1}, "action": "drop"}}"#)
            == #"tableEntry.match.x: table "ingress.ipv4_lpm" has no match field "x""#)
        #expect(message(#"{"tableEntry": {"table": "ipv4_lpm", "match": {"hdr.ipv4.dstAddr": "10.1.0.0/8"}}}"#)
            == "tableEntry.match[\"hdr.ipv4.dstAddr\"]: value 0xa010000 has bits set outside /8")
        #expect(message(#"{"tableEntry": {"table": "ipv4_lpm", "match": {"hdr.ipv4.dstAddr": "10.0.0.0/33"}}}"#)
            == "tableEntry.match[\"hdr.ipv4.dstAddr\"]: prefix length 33 exceeds bitwidth 32")
        #expect(message(#"{"tableEntry": {"table": "acl", "match": {"hdr.ethernet.dstAddr": "*"}}}"#)
            == #"tableEntry.match["hdr.ethernet.dstAddr"]: exact field "hdr.ethernet.dstAddr" cannot be "*""#)
        #expect(message(#"{"tableEntry": {"table": "ipv4_lpm", "action": "set_nhop", "params": {"port": 1}}}"#)
            == #"tableEntry: missing parameter "dmac" of action "ingress.set_nhop""#)
        #expect(message(#"{"tableEntry": {"table": "ipv4_lpm", "action": "set_nhop", "params": {"port": "1.2.3.4", "dmac": "0x1000000000000"}}}"#)
            == "tableEntry.params.dmac: value 0x01000000000000 needs 49 bits, exceeds bitwidth 48")
        #expect(message(#"{"tableEntry": {"table": "acl", "match": {"meta.l4_port": "9..3"}}}"#)
            == "tableEntry.match[\"meta.l4_port\"]: range low 0x9 exceeds high 0x3")
        #expect(message(#"{"tableEntry": {"table": "acl", "bogus": 1}}"#)
            == #"tableEntry.bogus: unknown field "bogus" in friendly table entry"#)
        #expect(message(#"{"tableEntry": {"table": "acl"}, "counterEntry": {}}"#)
            == #"counterEntry: oneof "entity" has more than one member set: "tableEntry" and "counterEntry""#)
    }

    @Test func membersGroupsAndOneShot() throws {
        let member = try entity(#"{"actionProfileMember": {"actionProfile": "selector", "memberId": 1, "action": "set_nhop", "params": {"port": 2, "dmac": "0x0a0b0c0d0e0f"}}}"#)
        #expect(member == .actionProfileMember(ActionProfileMember(
            actionProfileId: 0x1100_0001, memberId: 1, action: Action(actionId: 0x0100_0001, params: [
                Action.Param(paramId: 1, value: [2]), Action.Param(paramId: 2, value: [10, 11, 12, 13, 14, 15]),
            ]))))
        #expect(try entity(codec.render(member).serializedString()) == member)
        let group = try entity(#"{"actionProfileGroup": {"actionProfile": 285212673, "groupId": 7, "members": [{"memberId": 1, "weight": 2, "watchPort": 3}], "maxSize": 4}}"#)
        #expect(group == .actionProfileGroup(ActionProfileGroup(
            actionProfileId: 0x1100_0001, groupId: 7,
            members: [ActionProfileGroup.Member(memberId: 1, weight: 2, watchKind: .watchPort([3]))], maxSize: 4)))
        #expect(try entity(codec.render(group).serializedString()) == group)
        let oneShot = try entity(#"{"tableEntry": {"table": "ecmp", "match": {"meta.flow": 7}, "actions": [{"action": "set_nhop", "params": {"port": 1, "dmac": 1}, "weight": 1}, {"action": "set_nhop", "params": {"port": 2, "dmac": 2}, "weight": 3}]}}"#)
        guard case .tableEntry(let entry)? = oneShot.kind, case .actionProfileActionSet(let set)? = entry.action?.kind
        else {
            Issue.record("expected a one-shot set")
            return
        }
        #expect(set.actionProfileActions.map(\.weight) == [1, 3])
        #expect(try entity(codec.render(oneShot).serializedString()) == oneShot)
        let byMember = try entity(#"{"tableEntry": {"table": "ecmp", "match": {"meta.flow": 1}, "member": 4}}"#)
        #expect(try entity(codec.render(byMember).serializedString()) == byMember)
    }

    @Test func countersMetersRegisters() throws {
        let counter = try entity(#"{"counterEntry": {"counter": "pkts", "index": 3, "data": {"byteCount": "10", "packetCount": 1}}}"#)
        #expect(counter == .counterEntry(CounterEntry(
            counterId: 302_000_001, index: Index(3), data: CounterData(byteCount: 10, packetCount: 1))))
        #expect(try entity(codec.render(counter).serializedString()) == counter)
        let allCells = try entity(#"{"counterEntry": {"counter": "ingress.pkts"}}"#, forRead: true)
        #expect(allCells == .counterEntry(CounterEntry(counterId: 302_000_001)))
        let direct = try entity(#"{"directCounterEntry": {"table": "ipv4_lpm", "match": {"hdr.ipv4.dstAddr": "10.0.0.0/8"}, "data": {}}}"#)
        #expect(direct == .directCounterEntry(DirectCounterEntry(
            tableEntry: TableEntry(tableId: 0x0200_0001, match: [FieldMatch(fieldId: 1, .lpm(value: [10, 0, 0, 0], prefixLen: 8))]),
            data: CounterData())))
        #expect(try entity(codec.render(direct).serializedString()) == direct)
        let meter = try entity(#"{"meterEntry": {"meter": "rate", "index": 0, "config": {"cir": 1000, "cburst": 100, "pir": 2000, "pburst": 200}}}"#)
        #expect(meter == .meterEntry(MeterEntry(
            meterId: 335_544_321, index: Index(0), config: MeterConfig(cir: 1000, cburst: 100, pir: 2000, pburst: 200))))
        #expect(try entity(codec.render(meter).serializedString()) == meter)
        let directMeter = try entity(#"{"directMeterEntry": {"table": "ipv4_lpm", "match": {"hdr.ipv4.dstAddr": "10.0.0.0/8"}, "config": {"cir": 5}}}"#)
        #expect(try entity(codec.render(directMeter).serializedString()) == directMeter)
        let register = try entity(#"{"registerEntry": {"register": "flows", "index": 2, "value": {"seen": true, "bytes": 1500, "peer": "10.0.0.2"}}}"#)
        #expect(register == .registerEntry(RegisterEntry(registerId: 369_098_753, index: Index(2), data: P4Data(.struct(P4StructLike(members: [
            P4Data(.bool(true)), P4Data(.bitstring([5, 0xdc])), P4Data(.bitstring([10, 0, 0, 2])),
        ]))))))
        #expect(codec.render(register).serializedString()
            == #"{"registerEntry":{"register":"ingress.flows","index":2,"value":{"seen":true,"bytes":1500,"peer":167772162}}}"#)
        #expect(try entity(codec.render(register).serializedString()) == register)
        #expect(throws: P4RuntimeError.self) {
            try entity(#"{"registerEntry": {"register": "flows", "index": 2, "value": {"seen": true}}}"#)
        }
    }

    @Test func writeAndReadRequests() throws {
        let write = try codec.writeRequest(Array("""
            {"deviceId": 1, "electionId": {"low": 1}, "updates": [{"type": "INSERT", "entity": {"tableEntry":
             {"table": "ipv4_lpm", "match": {"hdr.ipv4.dstAddr": "10.0.0.0/8"}, "action": "drop"}}}]}
            """.utf8))
        #expect(write == WriteRequest(deviceId: 1, electionId: Uint128(low: 1), updates: [Update(
            type: .insert, entity: .tableEntry(TableEntry(
                tableId: 0x0200_0001, match: [FieldMatch(fieldId: 1, .lpm(value: [10, 0, 0, 0], prefixLen: 8))],
                action: .action(Action(actionId: 0x0100_0002)))))]))
        let bad = try #require(throws: P4RuntimeError.self) {
            try codec.writeRequest(Array("""
                {"updates": [{}, {"type": "DELETE", "entity": {"tableEntry": {"table": "ipv4_lpm",
                 "match": {"hdr.ipv4.dstAddr": "x"}}}}]}
                """.utf8))
        }
        #expect(bad.message.hasPrefix(#"updates[1].entity.tableEntry.match["hdr.ipv4.dstAddr"]: cannot read "x""#))
        let read = try codec.readRequest(Array("""
            {"deviceId": "1", "entities": [{"tableEntry": {}}, {"tableEntry": {"table": "acl", "counterData": {}}},
             {"counterEntry": {}}, {"registerEntry": {"register": "flows"}}]}
            """.utf8))
        #expect(read.entities == [
            .tableEntry(TableEntry()), .tableEntry(TableEntry(tableId: 0x0200_0002, counterData: CounterData())),
            .counterEntry(CounterEntry()), .registerEntry(RegisterEntry(registerId: 369_098_753)),
        ])
        let response = String(decoding: codec.readResponse(write.updates.compactMap(\.entity)), as: UTF8.self)
        #expect(response == """
            {"entities":[{"tableEntry":{"table":"ingress.ipv4_lpm","match":{"hdr.ipv4.dstAddr":"10.0.0.0/8"},\
            "action":"ingress.drop"}}]}
            """)
    }
}
