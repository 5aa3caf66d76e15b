import P4Model
import Testing

@Suite("P4Info decoding")
struct P4InfoDecodingTests {
    @Test func decodesEveryField() throws {
        let decoded = try P4Info.decode(textFormat: SampleP4Info.text)
        #expect(decoded.warnings.isEmpty)
        let p4info = decoded.p4info
        let pkg = try #require(p4info.pkgInfo)
        #expect(pkg.name == "sample" && pkg.version == "1.0" && pkg.arch == "pna")
        #expect(pkg.doc == P4Info.Documentation(brief: "A sample", description: "Every kind of object"))
        #expect(pkg.annotations == ["@pkg"])
        #expect(pkg.organization == "p4rtd" && pkg.contact == "nobody@example.com" && pkg.url == "https://example.com")
        #expect(pkg.platformProperties?.multicastGroupTableSize == 16)

        let lpm = p4info.tables[0]
        #expect(lpm.id == 0x0200_0001)
        #expect(lpm.matchFields[0].matchType == .lpm)
        #expect(lpm.actionRefs.map(\.scope) == [.tableAndDefault, .defaultOnly])
        #expect(lpm.actionRefs[1].annotations == ["@defaultonly"])
        #expect(lpm.initialDefaultAction == P4Info.TableActionCall(actionId: 0x0100_0002))
        #expect(lpm.directResourceIds == [0x1300_0001, 0x1500_0001])
        #expect(lpm.size == 1024)
        #expect(lpm.idleTimeoutBehavior == .notifyControl)
        let acl = p4info.tables[1]
        #expect(acl.matchFields.map(\.matchType) == [.optional, .ternary, .range])
        #expect(acl.matchFields[0].typeName == P4NamedType(name: "PortId_t"))
        #expect(acl.constDefaultActionId == 0x0100_0002)
        #expect(p4info.tables[2].matchFields[1].match == .otherMatchType("selector"))
        #expect(p4info.tables[2].implementationId == 0x1100_0001)

        #expect(p4info.actions[0].params.map(\.bitwidth) == [32, 48])
        let profile = p4info.actionProfiles[0]
        #expect(profile.withSelector && profile.size == 256 && profile.maxGroupSize == 16)
        #expect(profile.selectorSizeSemantics == .sumOfMembers(maxMemberWeight: 4))
        #expect(profile.tableIds == [0x0200_0003])
        #expect(p4info.counters[0].spec?.unit == .both)
        #expect(p4info.directCounters[0].directTableId == 0x0200_0001)
        #expect(p4info.meters[0].spec == P4Info.MeterSpec(unit: .bytes, type: .singleRateThreeColor))
        #expect(p4info.controllerPacketMetadata[0].metadata.map(\.name) == ["ingress_port", "reason"])
        #expect(p4info.controllerPacketMetadata[0].preamble.annotations == ["@controller_header(\"packet_in\")"])
        #expect(p4info.valueSets[0].match[0].bitwidth == 16 && p4info.valueSets[0].size == 4)
        #expect(p4info.registers[0].typeSpec == P4DataTypeSpec(.struct(P4NamedType(name: "flow_t"))))
        #expect(p4info.digests[0].typeSpec == P4DataTypeSpec(.tuple([
            P4DataTypeSpec(.bitstring(P4BitstringLikeTypeSpec(.bit(bitwidth: 48)))), P4DataTypeSpec(.bool),
        ])))
        let instance = p4info.externs[0].instances[0]
        #expect(instance.info?.typeURL == "type.googleapis.com/p4.config.v1.PkgInfo")
        #expect(instance.info?.typeName == "p4.config.v1.PkgInfo")

        let types = try #require(p4info.typeInfo)
        #expect(types.structs["flow_t"]?.members.map(\.name) == ["packets", "color", "kind"])
        #expect(types.headers["eth_t"]?.members[0].typeSpec?.kind == .bit(bitwidth: 48))
        #expect(types.headerUnions["u_t"]?.members[0].header?.name == "eth_t")
        #expect(types.enums["Kind"]?.members.map(\.name) == ["A", "B"])
        #expect(types.serializableEnums["Color"]?.underlyingBitwidth == 2)
        #expect(types.serializableEnums["Color"]?.members.map(\.value) == [[0], [2]])
        #expect(types.error?.members == ["NoError", "PacketTooShort"])
        #expect(types.newTypes["PortId_t"]?.representation
            == .translatedType(P4NewTypeTranslation(uri: "p4.org/pna/v1/PortId_t", sdnType: .sdnBitwidth(32))))
        #expect(types.newTypes["Name_t"]?.representation
            == .translatedType(P4NewTypeTranslation(uri: "example/name", sdnType: .sdnString)))
    }

    @Test func anyAsTypeUrlAndValueKeepsBinaryContent() throws {
        let p4info = try P4Info(textFormat: """
            externs { extern_type_id: 0x81 extern_type_name: "x"
              instances { preamble { id: 0x81000001 name: "i" }
                info { type_url: "type.googleapis.com/p4.config.v1.PkgInfo" value: "\\n\\003x.1" } } }
            """)
        #expect(p4info.externs[0].instances[0].info
            == ProtoAny(typeURL: "type.googleapis.com/p4.config.v1.PkgInfo", content: .binary([0x0a, 0x03, 0x78, 0x2e, 0x31])))
    }

    @Test func structuredAnnotationsAndLocations() throws {
        let p4info = try P4Info(textFormat: """
            actions { preamble { id: 0x01000001 name: "a"
              annotations: "@x" annotation_locations { file: "a.p4" line: 3 column: 5 }
              structured_annotations { name: "s" expression_list { expressions { int64_value: -7 } expressions { string_value: "v" } expressions { } } }
              structured_annotations { name: "k" kv_pair_list { kv_pairs { key: "on" value { bool_value: true } } }
                source_location { file: "a.p4" line: 4 } } } }
            """)
        let preamble = p4info.actions[0].preamble
        #expect(preamble.annotationLocations == [P4Info.SourceLocation(file: "a.p4", line: 3, column: 5)])
        #expect(preamble.structuredAnnotations == [
            P4Info.StructuredAnnotation(name: "s", body: .expressionList([.int64Value(-7), .stringValue("v"), nil])),
            P4Info.StructuredAnnotation(
                name: "k", body: .kvPairList([P4Info.KeyValuePair(key: "on", value: .boolValue(true))]),
                sourceLocation: P4Info.SourceLocation(file: "a.p4", line: 4)),
        ])
    }

    @Test func unknownFieldsWarnWithTheirPath() throws {
        let decoded = try P4Info.decode(textFormat: """
            tables { preamble { id: 0x02000001 name: "t" colour: "red" } }
            future_field: 1
            """)
        #expect(decoded.p4info.tables[0].preamble.name == "t")
        #expect(decoded.warnings == [
            "tables[0].preamble.colour (line 1, column 46): unknown field 'colour' of Preamble ignored",
            "future_field (line 2, column 1): unknown field 'future_field' of P4Info ignored",
        ])
    }

    @Test(arguments: [
        ("tables { preamble { id: \"x\" } }", "tables[0].preamble.id (line 1, column 21): expected an integer, found a string"),
        ("tables { preamble { id: 4294967296 } }", "tables[0].preamble.id (line 1, column 21): 4294967296 is out of range for uint32"),
        ("tables { size: -1 } tables { preamble { id: -1 } }", "tables[1].preamble.id (line 1, column 41): -1 is out of range for uint32"),
        ("tables { preamble { id: 1 id: 2 } }", "tables[0].preamble.id (line 1, column 27): field 'id' is not repeated but given more than once"),
        ("tables { match_fields { match_type: EXACT other_match_type: \"x\" } }",
         "tables[0].match_fields[0].other_match_type (line 1, column 43): more than one member of oneof 'match' is set"),
        ("tables { match_fields { match_type: FUZZY } }", "tables[0].match_fields[0].match_type (line 1, column 25): unknown enum value 'FUZZY'"),
        ("tables { is_const_table: yes }", "tables[0].is_const_table (line 1, column 10): expected true or false, found identifier 'yes'"),
        ("tables: 5", "tables[0] (line 1, column 1): expected a message, found an integer"),
        ("pkg_info: [{}, {}]", "pkg_info (line 1, column 1): field 'pkg_info' is not repeated, found a list"),
        ("pkg_info { name: \"\\377\" }", "pkg_info.name (line 1, column 12): string is not valid UTF-8"),
        ("type_info { structs { value { } } }", "type_info.structs[0] (line 1, column 13): map entry has no key"),
    ])
    func schemaErrorsNameThePath(_ text: String, _ expected: String) {
        let error = #expect(throws: P4RuntimeError.self) { try P4Info(textFormat: text) }
        #expect(error?.code == .invalidArgument)
        #expect(error?.message == expected)
    }

    @Test func syntaxErrorsCarryTheSourceName() {
        let error = #expect(throws: P4RuntimeError.self) {
            try P4Info.decode(textFormat: "tables {\n  preamble {\n", source: "x.p4info.txt")
        }
        #expect(error == .invalidArgument("x.p4info.txt, line 3, column 1: expected '}' before end of input"))
    }

    @Test func enumsByNumberAndBooleansAsIntegers() throws {
        let p4info = try P4Info(textFormat: "tables { idle_timeout_behavior: 1 is_const_table: 1 match_fields { match_type: 9 } }")
        #expect(p4info.tables[0].idleTimeoutBehavior == .notifyControl)
        #expect(p4info.tables[0].isConstTable)
        #expect(p4info.tables[0].matchFields[0].matchType == .unrecognized(9))
    }

    /// The JSON layer hands over trees like this one: camelCase keys, 64-bit integers as strings, bytes in
    /// base64, enums as strings, maps as objects keyed by name, Any with `@type` already expanded.
    @Test func jsonTreesDecodeWithBase64AndCamelCase() throws {
        func string(_ text: String) -> ProtoValue { .string(Array(text.utf8)) }
        func object(_ fields: [(String, ProtoValue)]) -> ProtoValue {
            .message(ProtoMessage(fields.map { ProtoField(name: $0.0, value: $0.1) }))
        }
        let tree = ProtoMessage([
            ProtoField(name: "tables", value: .list([object([
                ("preamble", object([("id", .integer(ProtoInteger(0x0200_0001))), ("name", string("t"))])),
                ("matchFields", .list([object([("id", .integer(ProtoInteger(1))), ("bitwidth", .float(9)),
                    ("matchType", string("TERNARY"))])])),
                ("size", string("4096")),
                ("isConstTable", .identifier("true")),
                ("implementationId", .identifier("null")),
                ("size", string("1e3")),
            ])])),
            ProtoField(name: "externs", value: .list([object([
                ("externTypeId", .integer(ProtoInteger(0x81))),
                ("instances", .list([object([("info", .any(typeURL: "type.googleapis.com/x.Y", ProtoMessage()))])])),
            ])])),
            ProtoField(name: "typeInfo", value: object([
                ("serializableEnums", object([("Color", object([
                    ("underlyingType", object([("bitwidth", .integer(ProtoInteger(8)))])),
                    ("members", .list([object([("name", string("RED")), ("value", string("_w"))])])),
                ]))])),
                ("newTypes", object([("Port_t", object([("translatedType", object([("sdnBitwidth", string("16"))]))]))])),
            ])),
        ])
        let decoded = try P4Info.decode(message: tree, encoding: .json)
        #expect(decoded.warnings.isEmpty)
        let table = decoded.p4info.tables[0]
        #expect(table.id == 0x0200_0001 && table.preamble.name == "t")
        #expect(table.matchFields[0].bitwidth == 9 && table.matchFields[0].matchType == .ternary)
        #expect(table.size == 1000, "a repeated singular field keeps its last value in JSON")
        #expect(table.isConstTable && table.implementationId == 0)
        #expect(decoded.p4info.externs[0].instances[0].info?.content == .message(ProtoMessage()))
        let color = try #require(decoded.p4info.typeInfo?.serializableEnums["Color"])
        #expect(color.members[0].value == [0xff], "URL-safe base64 without padding")
        #expect(decoded.p4info.typeInfo?.newTypes["Port_t"]?.representation
            == .translatedType(P4NewTypeTranslation(sdnType: .sdnBitwidth(16))))

        let typeMember = ProtoMessage([ProtoField(name: "tables", value: .list([object([("otherProperties", object([
            ("@type", string("type.googleapis.com/x.Props")), ("fast", .identifier("true")),
        ]))])]))])
        let props = try P4Info.decode(message: typeMember, encoding: .json).p4info.tables[0].otherProperties
        #expect(props == ProtoAny(typeURL: "type.googleapis.com/x.Props",
            content: .message(ProtoMessage([ProtoField(name: "fast", value: .identifier("true"))]))))

        let keyNamedStruct = ProtoMessage([ProtoField(name: "typeInfo", value: object([("structs", object([
            ("key", object([("members", .list([object([("name", string("m"))])]))])),
        ]))]))])
        #expect(try P4Info.decode(message: keyNamedStruct, encoding: .json).p4info.typeInfo?.structs["key"]?.members.count == 1)

        let badBase64 = ProtoMessage([ProtoField(name: "typeInfo", value: object([("serializableEnums", object([("C",
            object([("members", .list([object([("value", string("!!"))])]))]))]))]))])
        let error = #expect(throws: P4RuntimeError.self) { try P4Info.decode(message: badBase64, encoding: .json) }
        #expect(error?.message == "typeInfo.serializableEnums[\"C\"].members[0].value: invalid base64")
        let fraction = ProtoMessage([ProtoField(name: "tables", value: object([("size", .float(1.5))]))])
        let fractionError = #expect(throws: P4RuntimeError.self) { try P4Info.decode(message: fraction, encoding: .json) }
        #expect(fractionError?.message == "tables[0].size: expected an integer, found 1.5")
    }

    @Test func deeplyNestedTypeSpecsAreRejected() throws {
        // Text format stops at 100 nested messages; trees from JSON stop at 64 nested type specs.
        func tree(_ depth: Int) -> ProtoMessage {
            var spec = ProtoMessage([ProtoField(name: "bool", value: .message(ProtoMessage()))])
            for _ in 0..<depth {
                spec = ProtoMessage([ProtoField(name: "tuple", value: .message(ProtoMessage([
                    ProtoField(name: "members", value: .list([.message(spec)]))
                ])))])
            }
            let digest = ProtoMessage([ProtoField(name: "typeSpec", value: .message(spec))])
            return ProtoMessage([ProtoField(name: "digests", value: .list([.message(digest)]))])
        }
        #expect(throws: Never.self) { try P4Info.decode(message: tree(60), encoding: .json) }
        let error = #expect(throws: P4RuntimeError.self) { try P4Info.decode(message: tree(70), encoding: .json) }
        #expect(error?.message.hasSuffix(": type specs nested deeper than 64 levels") == true)
        let text = "digests { type_spec { " + String(repeating: "tuple { members { ", count: 60) + "bool {}"
            + String(repeating: " } }", count: 60) + " } }"
        let textError = #expect(throws: P4RuntimeError.self) { try P4Info(textFormat: text) }
        #expect(textError?.message.hasSuffix("messages nested deeper than 100 levels") == true)
    }
}
