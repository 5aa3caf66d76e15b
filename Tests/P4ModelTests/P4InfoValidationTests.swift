import P4Model
import Testing

/// One broken variant of the sample P4Info and the error it must produce.
struct BrokenP4Info: Sendable, CustomTestStringConvertible {
    let expected: String
    let breakIt: @Sendable (inout P4Info) -> Void
    init(_ expected: String, _ breakIt: @escaping @Sendable (inout P4Info) -> Void) {
        self.expected = expected
        self.breakIt = breakIt
    }
    var testDescription: String { expected }
}

@Suite("P4Info validation")
struct P4InfoValidationTests {
    @Test func sampleIsValid() throws {
        let findings = P4InfoIndex.check(try SampleP4Info.p4info())
        #expect(findings.errors.isEmpty)
        #expect(findings.warnings.isEmpty)
    }

    static let broken: [BrokenP4Info] = [
        BrokenP4Info("table 'ingress.ipv4_lpm' (0x00000000): id 0 is reserved") { $0.tables[0].preamble.id = 0 },
        BrokenP4Info("table 'ingress.ipv4_lpm' (0x01000009): id prefix 0x01 is not the table prefix 0x02") {
            $0.tables[0].preamble.id = 0x0100_0009
        },
        BrokenP4Info("action 'NoAction' (0x01000001): id 0x01000001 is already used by action 'ingress.forward' (0x01000001)") {
            $0.actions[1].preamble.id = 0x0100_0001
        },
        BrokenP4Info("table 'ingress.ipv4_lpm' (0x02000002): name 'ingress.ipv4_lpm' is already used by table 'ingress.ipv4_lpm' (0x02000001)") {
            $0.tables[1].preamble.name = "ingress.ipv4_lpm"
        },
        BrokenP4Info("table 'ingress.acl' (0x02000002): alias 'ipv4_lpm' is already used by table 'ingress.ipv4_lpm' (0x02000001)") {
            $0.tables[1].preamble.alias = "ipv4_lpm"
        },
        BrokenP4Info("counter (0x12000001): has no name") { $0.counters[0].preamble.name = "" },
        BrokenP4Info("table 'ingress.ipv4_lpm' (0x02000001): action ref 0x01000009 is not an action") {
            $0.tables[0].actionRefs[0].id = 0x0100_0009
        },
        BrokenP4Info("table 'ingress.ipv4_lpm' (0x02000001): action ref 0x01000002 is listed more than once") {
            $0.tables[0].actionRefs.append(P4Info.ActionRef(id: 0x0100_0002))
        },
        BrokenP4Info("table 'ingress.acl' (0x02000002): const default action 0x01000007 is not an action") {
            $0.tables[1].constDefaultActionId = 0x0100_0007
        },
        BrokenP4Info("table 'egress.lb' (0x02000003): const default action 0x01000002 is not among its action refs") {
            $0.tables[2].constDefaultActionId = 0x0100_0002
        },
        BrokenP4Info("table 'ingress.acl' (0x02000002): const default action 0x01000001 has scope TABLE_ONLY") {
            $0.tables[1].constDefaultActionId = 0x0100_0001
        },
        BrokenP4Info("table 'ingress.acl' (0x02000002): initial default action 0x01000001 has scope TABLE_ONLY") {
            $0.tables[1].initialDefaultAction = P4Info.TableActionCall(actionId: 0x0100_0001, arguments: [
                .init(paramId: 1, value: [1]), .init(paramId: 2, value: [2]),
            ])
        },
        BrokenP4Info("table 'ingress.ipv4_lpm' (0x02000001): initial default action 0x01000005 is not an action") {
            $0.tables[0].initialDefaultAction = P4Info.TableActionCall(actionId: 0x0100_0005)
        },
        BrokenP4Info("table 'ingress.ipv4_lpm' (0x02000001): initial default action misses argument 'mac' (2)") {
            $0.tables[0].initialDefaultAction = P4Info.TableActionCall(actionId: 0x0100_0001, arguments: [
                .init(paramId: 1, value: [1])
            ])
        },
        BrokenP4Info("table 'ingress.ipv4_lpm' (0x02000001): initial default action argument 'port' does not fit 32 bits") {
            $0.tables[0].initialDefaultAction = P4Info.TableActionCall(actionId: 0x0100_0001, arguments: [
                .init(paramId: 1, value: [1, 0, 0, 0, 0]), .init(paramId: 2, value: [0]),
            ])
        },
        BrokenP4Info("table 'ingress.ipv4_lpm' (0x02000001): implementation 0x12000001 is not an action profile") {
            $0.tables[0].implementationId = 0x1200_0001
        },
        BrokenP4Info("table 'ingress.acl' (0x02000002): implementation 0x11000001 is action profile 'egress.selector' (0x11000001), which does not list the table") {
            $0.tables[1].implementationId = 0x1100_0001
        },
        BrokenP4Info("table 'ingress.ipv4_lpm' (0x02000001): direct resource 0x12000001 is not a direct counter or direct meter") {
            $0.tables[0].directResourceIds.append(0x1200_0001)
        },
        BrokenP4Info("table 'ingress.acl' (0x02000002): direct resource direct counter 'ingress.lpm_counter' (0x13000001) belongs to table 0x02000001") {
            $0.tables[1].directResourceIds.append(0x1300_0001)
        },
        BrokenP4Info("direct counter 'ingress.lpm_counter' (0x13000001): table 'ingress.ipv4_lpm' (0x02000001) does not list it among its direct resources") {
            $0.tables[0].directResourceIds = [0x1500_0001]
        },
        BrokenP4Info("direct meter 'ingress.lpm_meter' (0x15000001): direct_table_id 0x02000009 is not a table") {
            $0.directMeters[0].directTableId = 0x0200_0009
        },
        BrokenP4Info("table 'ingress.ipv4_lpm' (0x02000001): size -1 is negative") { $0.tables[0].size = -1 },
        BrokenP4Info("table 'ingress.ipv4_lpm' (0x02000001): match field 0 'hdr.ipv4.dst_addr': id 0 is reserved") {
            $0.tables[0].matchFields[0].id = 0
        },
        BrokenP4Info("table 'ingress.acl' (0x02000002): match field 1 'proto': id is already used by another match field") {
            $0.tables[1].matchFields[1].id = 1
        },
        BrokenP4Info("table 'ingress.acl' (0x02000002): match field 2 'port': name is already used by another match field") {
            $0.tables[1].matchFields[1].name = "port"
        },
        BrokenP4Info("table 'ingress.acl' (0x02000002): match field 2 '': has no name") { $0.tables[1].matchFields[1].name = "" },
        BrokenP4Info("table 'ingress.acl' (0x02000002): match field 2 'proto': has no match type") {
            $0.tables[1].matchFields[1].match = nil
        },
        BrokenP4Info("table 'ingress.acl' (0x02000002): match field 2 'proto': unknown match type 9") {
            $0.tables[1].matchFields[1].match = .matchType(.unrecognized(9))
        },
        BrokenP4Info("table 'ingress.acl' (0x02000002): match field 2 'proto': bitwidth 0 must be positive") {
            $0.tables[1].matchFields[1].bitwidth = 0
        },
        BrokenP4Info("action 'ingress.forward' (0x01000001): param 2 'port': name is already used by another param") {
            $0.actions[0].params[1].name = "port"
        },
        BrokenP4Info("action 'ingress.forward' (0x01000001): param 2 'mac': bitwidth -4 must be positive") {
            $0.actions[0].params[1].bitwidth = -4
        },
        BrokenP4Info("action profile 'egress.selector' (0x11000001): table id 0x02000009 is not a table") {
            $0.actionProfiles[0].tableIds.append(0x0200_0009)
        },
        BrokenP4Info("action profile 'egress.selector' (0x11000001): table 'ingress.acl' (0x02000002) is listed but has implementation 0x00000000") {
            $0.actionProfiles[0].tableIds.append(0x0200_0002)
        },
        BrokenP4Info("action profile 'egress.selector' (0x11000001): sum_of_members.max_member_weight 0 must be positive") {
            $0.actionProfiles[0].selectorSizeSemantics = .sumOfMembers(maxMemberWeight: 0)
        },
        BrokenP4Info("counter 'ingress.port_counter' (0x12000001): unknown counter unit 7") {
            $0.counters[0].spec = P4Info.CounterSpec(unit: .unrecognized(7))
        },
        BrokenP4Info("meter 'ingress.port_meter' (0x14000001): size -2 is negative") { $0.meters[0].size = -2 },
        BrokenP4Info("controller packet metadata 'packet_in' (0x04000001): metadata 2 'other': id is already used by another metadata field") {
            $0.controllerPacketMetadata[0].metadata.append(.init(id: 2, name: "other", bitwidth: 1))
        },
        BrokenP4Info("register 'ingress.flows' (0x16000001): has no type_spec") { $0.registers[0].typeSpec = nil },
        BrokenP4Info("register 'ingress.flows' (0x16000001): type_spec: refers to unknown struct 'nope'") {
            $0.registers[0].typeSpec = P4DataTypeSpec(.struct(P4NamedType(name: "nope")))
        },
        BrokenP4Info("digest 'ingress.learn' (0x17000001): type_spec tuple member 0: bitwidth 0 must be positive") {
            $0.digests[0].typeSpec = P4DataTypeSpec(.tuple([P4DataTypeSpec(.bitstring(P4BitstringLikeTypeSpec(.bit(bitwidth: 0))))]))
        },
        BrokenP4Info("type_info header_union 'u_t' member 'eth': refers to unknown header 'ipv4_t'") {
            $0.typeInfo?.headerUnions["u_t"]?.members[0].header = P4NamedType(name: "ipv4_t")
        },
        BrokenP4Info("type_info serializable_enum 'Color' member 'RED': value does not fit 2 bits") {
            $0.typeInfo?.serializableEnums["Color"]?.members[1].value = [4]
        },
        BrokenP4Info("type_info new_type 'PortId_t': translated_type sdn_bitwidth 0 must be positive") {
            $0.typeInfo?.newTypes["PortId_t"] = P4NewTypeSpec(representation: .translatedType(.init(sdnType: .sdnBitwidth(0))))
        },
        BrokenP4Info("extern type 'Hash' (0x81): extern type id 0x81 is listed more than once") {
            $0.externs.append(P4Info.Extern(externTypeId: 0x81, externTypeName: "Hash"))
        },
        BrokenP4Info("register 'ingress.flows' (0x16000001): type_spec uses struct 'flow_t', which is recursive") {
            $0.typeInfo?.structs["flow_t"]?.members.append(.init(name: "next", typeSpec: P4DataTypeSpec(.struct(P4NamedType(name: "flow_t")))))
        },
    ]

    @Test(arguments: broken)
    func eachRuleReportsTheItem(_ broken: BrokenP4Info) throws {
        var p4info = try SampleP4Info.p4info()
        broken.breakIt(&p4info)
        let findings = P4InfoIndex.check(p4info)
        #expect(findings.errors.contains(broken.expected), "errors were \(findings.errors)")
        let error = #expect(throws: P4RuntimeError.self) { try P4InfoIndex(p4info) }
        #expect(error?.code == .invalidArgument)
        #expect(error?.message.hasPrefix("invalid P4Info: ") == true)
        #expect(error?.message.contains(broken.expected) == true)
    }

    @Test func allErrorsAreListedInOneMessage() throws {
        var p4info = try SampleP4Info.p4info()
        p4info.tables[0].size = -1
        p4info.meters[0].size = -2
        let error = #expect(throws: P4RuntimeError.self) { try P4InfoIndex(p4info) }
        #expect(error?.message == "invalid P4Info: table 'ingress.ipv4_lpm' (0x02000001): size -1 is negative; "
            + "meter 'ingress.port_meter' (0x14000001): size -2 is negative")
    }

    @Test func warningsDoNotPreventLoading() throws {
        var p4info = try SampleP4Info.p4info()
        p4info.actionProfiles[0].maxGroupSize = 300
        p4info.counters[0].spec = nil
        p4info.tables[0].matchFields[0].typeName = P4NamedType(name: "Undeclared_t")
        p4info.externs[0].externTypeId = 0x7f
        p4info.controllerPacketMetadata[0].metadata[0].bitwidth = 9
        let index = try P4InfoIndex(p4info, extraWarnings: ["from decoding"])
        #expect(index.warnings == [
            "from decoding",
            "extern type 'Hash' (0x7f): extern type id is outside the range 0x81…0xfe reserved for extern types",
            "extern type 'Hash' (0x7f) instance 'ingress.hash' (0x81000001): id prefix does not match the extern type id",
            "table 'ingress.ipv4_lpm' (0x02000001): match field 1 'hdr.ipv4.dst_addr': type_name 'Undeclared_t' is not declared in type_info",
            "action profile 'egress.selector' (0x11000001): max_group_size 300 exceeds size 256",
            "counter 'ingress.port_counter' (0x12000001): counter unit is unspecified",
            "controller packet metadata 'packet_in' (0x04000001): metadata 1 'ingress_port': bitwidth 9 differs from sdn_bitwidth 32 of its type 'PortId_t'",
        ])
    }

    @Test func stringTranslatedFieldsMayHaveNoBitwidth() throws {
        var p4info = try SampleP4Info.p4info()
        p4info.actions[0].params[1].bitwidth = 0
        p4info.actions[0].params[1].typeName = P4NamedType(name: "Name_t")
        #expect(P4InfoIndex.check(p4info).errors.isEmpty)
    }

    /// Mutually recursive structs must load (warning only) when nothing encodes values of them, and must not
    /// hang or overflow the stack however long the cycle is.
    @Test func recursiveTypesTerminate() throws {
        var types = P4TypeInfo()
        let count = 10_000
        for index in 0..<count {
            let next = P4NamedType(name: "S\((index + 1) % count)")
            types.structs["S\(index)"] = P4StructTypeSpec(members: [.init(name: "m", typeSpec: P4DataTypeSpec(.struct(next)))])
        }
        types.structs["Self"] = P4StructTypeSpec(members: [
            .init(name: "me", typeSpec: P4DataTypeSpec(.tuple([P4DataTypeSpec(.struct(P4NamedType(name: "Self")))])))
        ])
        let index = try P4InfoIndex(P4Info(typeInfo: types))
        #expect(index.warnings.count == 2)
        #expect(index.warnings.contains { $0.hasPrefix("type_info: struct 'S0' is recursive (struct 'S0' → struct 'S1' → ") })
        #expect(index.warnings.contains(
            "type_info: struct 'Self' is recursive (struct 'Self' → struct 'Self'); P4 forbids recursive types and values of it cannot be encoded"))
    }
}
