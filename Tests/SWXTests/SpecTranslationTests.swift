import SWX
import Testing

/// Instruction translation: DPDK's per-instruction operand-class checks, contexts, labels, verify rules, and
/// the resolved operand form.
@Suite struct SpecTranslationTests {
    typealias S = SpecSamples

    static let declarations = """
        struct args_t {
            bit<32> port
            bit<16> b
        }
        regarray r size 5 initval 7
        metarray mt size 4
        rss rs
        action with_args args instanceof args_t {
            mov m.port t.port
            return
        }

        """

    static func apply(_ lines: String) -> String { S.applying(lines, declarations: declarations) }
    static func action(_ lines: String) -> String {
        S.spec(declarations + "action act args instanceof args_t {\n" + lines + "\n    return\n}")
    }

    func applyInstructions(_ lines: String) throws -> [SpecInstruction] {
        let program = try SpecLoader.load(Self.apply(lines))
        return Array(program.apply.instructions.dropFirst().dropLast())
    }

    @Test func operandsAreResolved() throws {
        let program = try SpecLoader.load(Self.apply("    extract h.ipv4\n    mov h.ipv4.ttl m.c\n    add m.a 0x10"))
        let instructions = program.apply.instructions
        guard case .rx(let port) = instructions[0] else { Issue.record("rx"); return }
        #expect(port.space == .metadata && port.byteOffset == 0 && port.bitWidth == 32 && !port.isNetworkByteOrder)
        #expect(instructions[1] == .extract(header: 1, varbitByteCount: nil))
        guard case .mov(let destination, .field(let source)) = instructions[2] else { Issue.record("mov"); return }
        #expect(destination.space == .header(1) && destination.byteOffset == 8 && destination.bitWidth == 8)
        #expect(destination.isNetworkByteOrder)
        #expect(source.space == .metadata && source.byteOffset == 10)
        guard case .add(_, .immediate(16)) = instructions[3] else { Issue.record("add"); return }
        #expect(program.apply.lines.count == instructions.count)
    }

    @Test func applyBlockVerifyRules() {
        expectRejected(S.prelude + "apply {\n extract h.eth\n tx m.port\n}", at: .translate, containing: "first instruction must be 'rx'")
        expectRejected(S.prelude + "apply {\n rx m.port\n L : jmp L2\n L2 : extract h.eth\n jmp L\n}", at: .translate,
                       containing: "at least one 'tx' or 'drop'")
        expectRejected(S.prelude + "apply {\n rx m.port\n tx m.port\n extract h.eth\n}", at: .translate,
                       containing: "last instruction must be")
        #expect(throws: Never.self) { _ = try SpecLoader.load(S.prelude + "apply {\n L : rx m.port\n drop\n jmp L\n}") }
        expectRejected(S.spec("action a args none {\n mov m.a 1\n}"), at: .translate, containing: "'return', 'tx' or 'drop'")
    }

    @Test func labelsResolveToInstructionIndices() throws {
        let program = try SpecLoader.load(S.prelude + """
            apply {
                rx m.port
                jmpeq SKIP m.a 5
                extract h.eth
            SKIP : tx m.port
                jmp SKIP
            }
            """)
        #expect(program.apply.labels == ["SKIP": 3])
        #expect(program.apply.instructions[1].jumpTarget == 3)
        #expect(program.apply.instructions[4] == .jmp(target: 3))
        expectRejected(S.prelude + "apply {\n rx m.port\n jmp NOWHERE\n tx m.port\n}", at: .translate,
                       containing: "undefined label 'NOWHERE'", line: S.prelude.filter { $0 == "\n" }.count + 3)
        expectRejected(S.prelude + "apply {\n rx m.port\n L : jmp L\n tx m.port\n}", at: .translate,
                       containing: "its own instruction")
        expectRejected(S.prelude + "apply {\n L : rx m.port\n L : tx m.port\n}", at: .translate, containing: "duplicate label")
        expectRejected(S.prelude + "apply {\n rx m.port\n L :\n tx m.port\n}", at: .translate, containing: "not followed")
    }

    @Test func instructionLimits() {
        let long = (0..<14).map { _ in "m.a" }.joined(separator: " ")
        expectRejected(Self.apply("    mov " + long + " m.a m.a"), at: .translate, containing: "17 tokens")
        let name = String(repeating: "n", count: 60)
        let many = (0..<5).map { _ in "m.\(name)" }.joined(separator: " ")
        expectRejected(Self.apply("    mov " + many), at: .translate, containing: "characters long")
        expectRejected(Self.apply("    frobnicate m.a"), at: .translate, containing: "unknown instruction 'frobnicate'")
    }

    @Test func contextRules() {
        expectRejected(Self.action("    rx m.a"), at: .translate, containing: "only allowed in the apply block")
        expectRejected(Self.action("    extract h.eth"), at: .translate, containing: "only allowed in the apply block")
        expectRejected(Self.action("    table t"), at: .translate, containing: "only allowed in the apply block")
        expectRejected(Self.action("    L : jmph L2\n    L2 : mov m.a 1"), at: .translate, containing: "apply block")
        expectRejected(Self.action("    jmpa L with_args\n    L : mov m.a 1"), at: .translate, containing: "apply block")
        expectRejected(Self.apply("    return"), at: .translate, containing: "only allowed inside an action")
        expectRejected(Self.apply("    rearm"), at: .translate, containing: "only allowed inside an action")
        expectRejected(Self.apply("    forget"), at: .translate, containing: "only allowed inside an action")
        expectRejected(Self.apply("    learn with_args m.a m.c"), at: .translate, containing: "only allowed inside an action")
        expectRejected(Self.apply("    mov m.a t.port"), at: .translate, containing: "only inside an action")
    }

    @Test func ioInstructions() throws {
        #expect(try applyInstructions("    tx 3") == [.tx(port: .immediate(3))])
        expectRejected(Self.apply("    tx h.eth.type"), at: .translate, containing: "metadata field or a number")
        expectRejected(Self.apply("    rx m.wide"), at: .translate, containing: "wider than 64")
        expectRejected(Self.apply("    drop 1"), at: .translate, containing: "no operands")
        let mirror = try applyInstructions("    mirror m.a m.b")
        guard case .mirror = mirror.first else { Issue.record("mirror"); return }
        expectRejected(Self.apply("    mirror h.eth.type m.b"), at: .translate, containing: "header field")
        expectRejected(Self.apply("    mirror m.a 3"), at: .translate, containing: "session must be a field")
        #expect(try applyInstructions("    recirculate\n    recircid m.a").count == 2)
    }

    @Test func headerInstructions() throws {
        let varbit = "struct opt_t {\n bit<8> kind\n varbit<320> data\n}\nheader opt instanceof opt_t\n"
        let program = try SpecLoader.load(S.applying("    extract h.opt m.c\n    emit h.opt", declarations: varbit))
        guard case .extract(2, let count?) = program.apply.instructions[1] else { Issue.record("varbit extract"); return }
        #expect(count.byteOffset == 10)
        expectRejected(S.applying("    extract h.opt", declarations: varbit), at: .translate, containing: "length operand is required")
        expectRejected(S.applying("    lookahead h.opt", declarations: varbit), at: .translate, containing: "varbit")
        expectRejected(Self.apply("    extract h.eth m.c"), at: .translate, containing: "takes no length")
        expectRejected(Self.apply("    validate h.nope"), at: .translate, containing: "not a declared header")
        expectRejected(Self.apply("    emit m.a"), at: .translate, containing: "not a declared header")
        #expect(try applyInstructions("    validate h.eth\n    invalidate h.eth\n    lookahead h.ipv4")
            == [.validate(header: 0), .invalidate(header: 0), .lookahead(header: 1)])
    }

    @Test func movRules() throws {
        expectRejected(Self.apply("    mov 5 m.a"), at: .translate, containing: "destination must be a field")
        expectRejected(Self.action("    mov t.port m.a"), at: .translate, containing: "cannot be used here")
        expectRejected(Self.apply("    mov m.a h.srcAddr"), at: .translate, containing: "'h.srcAddr' is not a declared field")
        expectRejected(Self.apply("    mov m.a banana"), at: .translate, containing: "neither a field nor a number")
        expectRejected(Self.apply("    mov m.wide m.a"), at: .translate, containing: "wider than 64 bits")
        expectRejected(Self.apply("    mov m.wide 1"), at: .translate, containing: "an immediate cannot be moved")
        let wide = "struct v6_t {\n bit<128> sa\n bit<64> hi\n}\nheader v6 instanceof v6_t\n"
        #expect(throws: Never.self) { _ = try SpecLoader.load(S.applying("    mov m.wide h.v6.sa\n    mov h.v6.hi m.wide",
                                                                          declarations: wide)) }
        let movh = try SpecLoader.load(S.applying("    movh h.v6.hi m.wide\n    movh m.wide h.v6.hi", declarations: wide))
        #expect(movh.apply.instructions.count == 4)
        expectRejected(S.applying("    movh m.a m.wide", declarations: wide), at: .translate, containing: "64-bit header field")
        guard case .mov(let big, _) = movh.apply.instructions[1].mappingFieldOperands({ $0 }) else { return }
        #expect(big.isNetworkByteOrder, "big metadata fields are stored in network order")
    }

    @Test func aluAndChecksumRules() throws {
        for mnemonic in ["add", "sub", "and", "or", "xor", "shl", "shr"] {
            #expect(try applyInstructions("    \(mnemonic) m.a h.eth.type").first?.mnemonic == mnemonic)
            expectRejected(Self.apply("    \(mnemonic) m.wide 1"), at: .translate, containing: "wider than 64")
        }
        #expect(try applyInstructions("    ckadd h.ipv4.csum h.ipv4.sa\n    ckadd h.ipv4.csum h.ipv4\n    cksub h.ipv4.csum h.ipv4.ttl")
            .count == 3)
        expectRejected(Self.apply("    ckadd h.ipv4.sa h.ipv4.da"), at: .translate, containing: "16-bit header field")
        expectRejected(Self.apply("    ckadd m.b h.ipv4.da"), at: .translate, containing: "must be a header field")
        expectRejected(Self.apply("    cksub h.ipv4.csum h.ipv4"), at: .translate, containing: "must be a header field")
        expectRejected(Self.apply("    ckadd h.ipv4.csum m.a"), at: .translate, containing: "header field or a whole header")
    }

    @Test func hashAndRSSRules() throws {
        let hash = try applyInstructions("    hash jhash m.a h.ipv4.sa h.ipv4.da\n    rss rs m.b m.port m.b")
        #expect(hash[0] == .hash(function: .jhash, destination: hash[0].fieldOperands[0],
                                 source: SpecByteRange(space: .header(1), structIndex: 1, byteOffset: 12, byteCount: 8)))
        guard case .rss(0, _, let range) = hash[1] else { Issue.record("rss"); return }
        #expect(range.byteCount == 10)
        expectRejected(Self.apply("    hash md5 m.a m.a m.b"), at: .translate, containing: "unknown hash function")
        expectRejected(Self.apply("    rss nope m.a m.a m.b"), at: .translate, containing: "not a declared rss")
        expectRejected(Self.apply("    hash crc32 h.eth.type m.a m.b"), at: .translate, containing: "metadata field")
        expectRejected(Self.apply("    hash crc32 m.a m.a h.eth.type"), at: .translate, containing: "same struct")
        expectRejected(Self.apply("    hash crc32 m.a m.b m.a"), at: .translate, containing: "lies before")
    }

    @Test func registerAndMeterRules() throws {
        let registers = try applyInstructions("""
                regrd m.a r 0x100000003
                regwr r m.b 5
                regadd r 1 h.eth.type
                regprefetch r m.c
                metprefetch mt 2
                meter mt m.a h.ipv4.len 0 m.d
            """)
        #expect(registers[0] == .regrd(destination: registers[0].fieldOperands[0], regarray: 0, index: .immediate(3)))
        #expect(registers.map(\.mnemonic) == ["regrd", "regwr", "regadd", "regprefetch", "metprefetch", "meter"])
        expectRejected(Self.apply("    regrd m.a nope 0"), at: .translate, containing: "not a declared regarray")
        expectRejected(Self.apply("    regrd 5 r 0"), at: .translate, containing: "destination must be a field")
        expectRejected(Self.apply("    regwr r m.wide 0"), at: .translate, containing: "at most 64 bits")
        expectRejected(Self.apply("    meter nope 0 m.a 0 m.b"), at: .translate, containing: "not a declared metarray")
        expectRejected(Self.apply("    meter mt 0 0x400 0 m.b"), at: .translate,
                       containing: "meter length operand must be a field, not an immediate")
        expectRejected(Self.apply("    meter mt 0 m.a 0 1"), at: .translate, containing: "colour-out must be a field")
    }

    @Test func compareJumpRules() throws {
        let jumps = try applyInstructions("""
                jmpeq L h.eth.type 0x10800
                jmpgt L h.eth.type 0x10800
                jmpneq L m.b 0x10800
            L : jmplt L2 m.a h.eth.type
            L2 : jmpv L3 h.eth
            L3 : jmpnv L4 h.eth
            L4 : jmph L5
            L5 : jmpnh L6
            L6 : jmpa L7 with_args
            L7 : jmpna L8 with_args
            L8 : mov m.a 1
            """)
        guard case .jmpeq(_, _, .immediate(let truncated)) = jumps[0],
              case .jmpgt(_, _, .immediate(let kept)) = jumps[1],
              case .jmpneq(_, _, .immediate(let metadataValue)) = jumps[2] else { Issue.record("jumps"); return }
        #expect(truncated == 0x0800, "equality against a 16-bit header field sees only 16 bits of the immediate")
        #expect(kept == 0x10800)
        #expect(metadataValue == 0x10800)
        expectRejected(Self.apply("    jmpneq L 0x0 m.a\n L : mov m.a 1"), at: .translate,
                       containing: "first compare operand must be a field, not an immediate")
        expectRejected(Self.apply("    jmpeq L m.wide 1\n L : mov m.a 1"), at: .translate, containing: "at most 64 bits")
        expectRejected(Self.apply("    jmpa L nope\n L : mov m.a 1"), at: .translate, containing: "not a declared action")
        expectRejected(Self.apply("    jmpv L m.a\n L : mov m.a 1"), at: .translate, containing: "not a declared header")
    }

    @Test func tableLookupTargets() throws {
        let text = S.applying("    table t\n    table s\n    table l", declarations: """
            action learn_none args none {
                learn with_none m.c
                return
            }
            action with_none args none {
                return
            }
            table t {
                actions {
                    with_none
                }
                default_action with_none args none
            }
            selector s {
                group_id m.a
                selector {
                    m.b
                }
                member_id m.port
                n_groups_max 4
                n_members_per_group_max 4
            }
            learner l {
                key {
                    m.a
                }
                actions {
                    with_none
                    learn_none
                }
                default_action learn_none args none
                size 4
                timeout {
                    60
                }
            }
            """.replacingOccurrences(of: "action learn_none args none {\n    learn with_none m.c\n    return\n}\n"
                                         + "action with_none args none {\n    return\n}",
                                     with: "action with_none args none {\n    return\n}\n"
                                         + "action learn_none args none {\n    learn with_none m.c\n    return\n}"))
        let program = try SpecLoader.load(text)
        #expect(Array(program.apply.instructions[1...3]) == [.table(.table(0)), .table(.selector(0)), .table(.learner(0))])
        #expect(program.lookupTarget(named: "l") == .learner(0))
        expectRejected(Self.apply("    table nope"), at: .translate, containing: "not a table, selector or learner")
    }

    @Test func learnRules() throws {
        let learnerActions = """
            struct fwd_args_t {
                bit<32> port
                bit<16> b
            }
            action fwd args instanceof fwd_args_t {
                mov m.port t.port
                return
            }

            """
        let program = try SpecLoader.load(S.spec(learnerActions + "action l args none {\n learn fwd m.a m.c\n rearm m.c\n forget\n return\n}"))
        let body = try #require(program.actions.last?.body.instructions)
        guard case .learn(let action, let first?, let timeout) = body[0] else { Issue.record("learn"); return }
        #expect(program.actions[action].name == "fwd")
        #expect(first.byteOffset == 4 && timeout.byteOffset == 10)
        expectRejected(S.spec("action l args none {\n learn later m.c\n return\n}\naction later args none {\n return\n}"),
                       at: .translate, containing: "declared earlier")
        expectRejected(S.spec(learnerActions + "action l args none {\n learn fwd m.c\n return\n}"), at: .translate,
                       containing: "first metadata argument field is required")
        expectRejected(S.spec(learnerActions + "action l args none {\n learn fwd m.b m.c\n return\n}"), at: .translate,
                       containing: "has 16 bits but argument 'port'")
        expectRejected(S.spec(learnerActions + "action l args none {\n learn fwd m.w64 m.c\n return\n}"), at: .translate,
                       containing: "fewer metadata fields")
        expectRejected(S.spec("action l args none {\n learn nop m.a m.c\n return\n}"), at: .translate,
                       containing: "has no arguments")
    }

    @Test func networkByteOrderArgumentRule() throws {
        let base = """
            struct vlan_t {
                bit<16> tci
                bit<16> type
            }
            header vlan instanceof vlan_t
            struct push_t {
                bit<32> pad
                bit<16> tci
                bit<16> type
            }

            """
        let fused = try SpecLoader.load(S.spec(base + """
            action push args instanceof push_t {
                validate h.vlan
                mov h.vlan.tci t.tci
                mov h.vlan.type t.type
                mov m.a t.pad
                return
            }
            """))
        let push = try #require(fused.actions.last)
        #expect(push.argumentIsNetworkByteOrder == [false, true, true])
        #expect(push.body.instructions[1].fieldOperands[1].isNetworkByteOrder)
        #expect(!push.body.instructions[3].fieldOperands[1].isNetworkByteOrder)
        let table = "table t {\n actions {\n push\n }\n default_action push args pad 1 tci 0x0102 type 0x0800\n}"
        let withTable = try SpecLoader.load(S.spec(base + """
            action push args instanceof push_t {
                validate h.vlan
                mov h.vlan.tci t.tci
                mov h.vlan.type t.type
                return
            }
            """ + "\n" + table))
        #expect(withTable.tables[0].defaultAction.actionData == [1, 0, 0, 0, 0x01, 0x02, 0x08, 0x00])

        // An argument used by another mov, a field out of order, or a jump into the pattern keeps host order.
        for body in ["validate h.vlan\n mov h.vlan.tci t.tci\n mov h.vlan.type t.type\n mov m.b t.tci",
                     "validate h.vlan\n mov h.vlan.type t.type\n mov h.vlan.tci t.tci",
                     "jmp L\n validate h.vlan\n L : mov h.vlan.tci t.tci\n mov h.vlan.type t.type",
                     "validate h.vlan\n mov h.vlan.tci t.tci"] {
            let program = try SpecLoader.load(S.spec(base + "action push args instanceof push_t {\n" + body + "\n return\n}"))
            #expect(program.actions.last?.hasNetworkByteOrderArguments == false, "\(body)")
        }
        let learned = base + "action push args instanceof push_t {\n validate h.vlan\n mov h.vlan.tci t.tci\n"
            + " mov h.vlan.type t.type\n return\n}\naction l args none {\n learn push m.a m.c\n return\n}"
        expectRejected(S.spec(learned), at: .translate, containing: "network byte order")
    }
}
