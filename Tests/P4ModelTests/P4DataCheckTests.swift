import P4Model
import Testing

@Suite("P4Data against P4Info types")
struct P4DataCheckTests {
    let index: P4InfoIndex
    let flowType = P4DataTypeSpec(.struct(P4NamedType(name: "flow_t")))

    init() throws {
        var p4info = try SampleP4Info.p4info()
        p4info.typeInfo?.headers["pair_t"] = P4HeaderTypeSpec(members: [
            .init(name: "a", typeSpec: P4BitstringLikeTypeSpec(.bit(bitwidth: 12))),
            .init(name: "b", typeSpec: P4BitstringLikeTypeSpec(.int(bitwidth: 8))),
        ])
        p4info.typeInfo?.headerUnions["u_t"]?.members.append(.init(name: "pair", header: P4NamedType(name: "pair_t")))
        index = try P4InfoIndex(p4info)
    }

    private func bits(_ bytes: [UInt8]) -> P4Data { P4Data(.bitstring(bytes)) }

    @Test func structValuesAreCheckedAndCanonicalised() throws {
        let value = P4Data(.struct(P4StructLike(members: [bits([0, 0, 0, 7]), P4Data(.enumValue([0, 2])), P4Data(.enum("B"))])))
        let checked = try index.checked(value, against: flowType, path: "data")
        #expect(checked == P4Data(.struct(P4StructLike(members: [bits([7]), P4Data(.enumValue([2])), P4Data(.enum("B"))]))))
    }

    @Test(arguments: [
        (P4Data(nil), CanonicalCode.invalidArgument, "data: expected struct 'flow_t', found no value"),
        (P4Data(.struct(P4StructLike(members: []))), .invalidArgument, "data.struct: 0 members, the type has 3"),
        (P4Data(.struct(P4StructLike(members: [P4Data(.bool(true)), P4Data(.enumValue([0])), P4Data(.enum("A"))]))),
         .invalidArgument, "data.struct.members[0]: expected a bitstring of bit<32>, found a bool"),
        (P4Data(.struct(P4StructLike(members: [P4Data(.bitstring([1, 0, 0, 0, 0])), P4Data(.enumValue([0])), P4Data(.enum("A"))]))),
         .outOfRange, "data.struct.members[0].bitstring: value 0x0100000000 needs 33 bits, exceeds bitwidth 32"),
        (P4Data(.struct(P4StructLike(members: [P4Data(.bitstring([])), P4Data(.enumValue([0])), P4Data(.enum("A"))]))),
         .outOfRange, "data.struct.members[0].bitstring: empty bytestring (a value needs at least one byte)"),
        (P4Data(.struct(P4StructLike(members: [P4Data(.bitstring([1])), P4Data(.enumValue([4])), P4Data(.enum("A"))]))),
         .outOfRange, "data.struct.members[1].enumValue: value 0x04 needs 3 bits, exceeds bitwidth 2"),
        (P4Data(.struct(P4StructLike(members: [P4Data(.bitstring([1])), P4Data(.enumValue([0])), P4Data(.enum("C"))]))),
         .invalidArgument, "data.struct.members[2].enum: 'C' is not a member of enum 'Kind'"),
    ])
    func structMismatches(_ data: P4Data, _ code: CanonicalCode, _ message: String) {
        let error = #expect(throws: P4RuntimeError.self) { try index.checked(data, against: flowType, path: "data") }
        #expect(error?.code == code)
        #expect(error?.message == message)
    }

    @Test func tuplesBoolsAndDigests() throws {
        let digestType = try #require(index.digest(named: "learn")?.typeSpec)
        let value = P4Data(.tuple(P4StructLike(members: [bits([0, 0, 0, 0, 0, 0, 1]), P4Data(.bool(true))])))
        #expect(try index.checked(value, against: digestType, path: "d")
            == P4Data(.tuple(P4StructLike(members: [bits([1]), P4Data(.bool(true))]))))
        let error = #expect(throws: P4RuntimeError.self) {
            try index.checked(P4Data(.tuple(P4StructLike(members: [bits([1])]))), against: digestType, path: "d")
        }
        #expect(error?.message == "d.tuple: 1 members, the type has 2")
    }

    @Test func headersUnionsAndStacks() throws {
        let header = P4DataTypeSpec(.header(P4NamedType(name: "pair_t")))
        let valid = P4Data(.header(P4Header(isValid: true, bitstrings: [[0x00, 0x0f, 0xff], [0xff, 0xff]])))
        #expect(try index.checked(valid, against: header, path: "h")
            == P4Data(.header(P4Header(isValid: true, bitstrings: [[0x0f, 0xff], [0xff]]))))
        #expect(try index.checked(P4Data(.header(P4Header(isValid: false, bitstrings: [[1]]))), against: header, path: "h")
            == P4Data(.header(P4Header())))
        let wide = #expect(throws: P4RuntimeError.self) {
            try index.checked(P4Data(.header(P4Header(isValid: true, bitstrings: [[1], [0x00, 0x80]]))), against: header, path: "h")
        }
        #expect(wide?.code == .outOfRange)
        #expect(wide?.message == "h.header.bitstrings[1]: value 0x0080 does not fit int<8>")

        let union = P4DataTypeSpec(.headerUnion(P4NamedType(name: "u_t")))
        let unionValue = P4Data(.headerUnion(P4HeaderUnion(validHeaderName: "pair",
            validHeader: P4Header(isValid: true, bitstrings: [[1], [2]]))))
        #expect(try index.checked(unionValue, against: union, path: "u") == unionValue)
        let badMember = #expect(throws: P4RuntimeError.self) {
            try index.checked(P4Data(.headerUnion(P4HeaderUnion(validHeaderName: "x"))), against: union, path: "u")
        }
        #expect(badMember?.message == "u.headerUnion.validHeaderName: 'x' is not a member of header_union 'u_t'")

        let stack = P4DataTypeSpec(.headerStack(P4HeaderStackTypeSpec(header: P4NamedType(name: "pair_t"), size: 2)))
        #expect(try index.checked(P4Data(.headerStack(P4HeaderStack(entries: [P4Header(), P4Header()]))), against: stack, path: "s")
            == P4Data(.headerStack(P4HeaderStack(entries: [P4Header(), P4Header()]))))
        let short = #expect(throws: P4RuntimeError.self) {
            try index.checked(P4Data(.headerStack(P4HeaderStack(entries: [P4Header()]))), against: stack, path: "s")
        }
        #expect(short?.message == "s.headerStack: 1 entries, the stack has 2")
    }

    @Test func varbitsErrorsAndNewTypes() throws {
        let varbit = P4DataTypeSpec(.bitstring(P4BitstringLikeTypeSpec(.varbit(maxBitwidth: 16))))
        #expect(try index.checked(P4Data(.varbit(P4Varbit(bitstring: [0, 0, 5], bitwidth: 8))), against: varbit, path: "v")
            == P4Data(.varbit(P4Varbit(bitstring: [5], bitwidth: 8))))
        let long = #expect(throws: P4RuntimeError.self) {
            try index.checked(P4Data(.varbit(P4Varbit(bitstring: [5], bitwidth: 17))), against: varbit, path: "v")
        }
        #expect(long?.code == .outOfRange)
        #expect(long?.message == "v.varbit.bitwidth: 17 exceeds the maximum 16 of varbit<16>")

        let error = P4DataTypeSpec(.error)
        #expect(try index.checked(P4Data(.error("PacketTooShort")), against: error, path: "e") == P4Data(.error("PacketTooShort")))
        #expect(throws: P4RuntimeError.self) { try index.checked(P4Data(.error("Nope")), against: error, path: "e") }

        let port = P4DataTypeSpec(.newType(P4NamedType(name: "PortId_t")))
        #expect(try index.checked(bits([0, 0, 0, 0, 9]), against: port, path: "p") == bits([9]))
        let name = P4DataTypeSpec(.newType(P4NamedType(name: "Name_t")))
        #expect(try index.checked(bits(Array("eth0".utf8)), against: name, path: "n") == bits(Array("eth0".utf8)))
        let unknown = #expect(throws: P4RuntimeError.self) {
            try index.checked(bits([1]), against: P4DataTypeSpec(.struct(P4NamedType(name: "nope"))), path: "x")
        }
        #expect(unknown?.message == "x: unknown struct 'nope'")
    }

    @Test func zeroValues() throws {
        #expect(index.zeroValue(of: flowType)
            == P4Data(.struct(P4StructLike(members: [bits([0]), P4Data(.enumValue([0])), P4Data(.enum("A"))]))))
        let digestType = try #require(index.digest(named: "learn")?.typeSpec)
        #expect(index.zeroValue(of: digestType) == P4Data(.tuple(P4StructLike(members: [bits([0]), P4Data(.bool(false))]))))
        #expect(index.zeroValue(of: P4DataTypeSpec(.headerStack(P4HeaderStackTypeSpec(header: P4NamedType(name: "eth_t"), size: 2))))
            == P4Data(.headerStack(P4HeaderStack(entries: [P4Header(), P4Header()]))))
        #expect(index.zeroValue(of: P4DataTypeSpec(.error)) == P4Data(.error("NoError")))
        #expect(index.zeroValue(of: P4DataTypeSpec(.struct(P4NamedType(name: "nope")))) == nil)
        if let zero = index.zeroValue(of: flowType) {
            #expect(try index.checked(zero, against: flowType, path: "z") == zero, "a zero value passes its own check")
        }
    }

    @Test func recursiveTypesEndInAnErrorNotACrash() throws {
        var types = P4TypeInfo()
        types.structs["S"] = P4StructTypeSpec(members: [.init(name: "s", typeSpec: P4DataTypeSpec(.struct(P4NamedType(name: "S"))))])
        let index = try P4InfoIndex(P4Info(typeInfo: types))
        let spec = P4DataTypeSpec(.struct(P4NamedType(name: "S")))
        #expect(index.zeroValue(of: spec) == nil)
        var value = P4Data(.bool(true))
        for _ in 0..<100 { value = P4Data(.struct(P4StructLike(members: [value]))) }
        let error = #expect(throws: P4RuntimeError.self) { try index.checked(value, against: spec, path: "r") }
        #expect(error?.message.hasSuffix("value nested deeper than 64 levels") == true)
    }
}
