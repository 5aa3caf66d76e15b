import SWX
import Testing

/// Configuration-stage rules (DPDK's `*_config` checks), one small inline spec each.
@Suite struct SpecValidationTests {
    typealias S = SpecSamples

    @Test func minimalSpecLoadsWithLayout() throws {
        let program = try SpecLoader.load(S.spec(""))
        #expect(program.headers.map(\.name) == ["eth", "ipv4"])
        #expect(program.headerStruct(1).fields.map(\.byteOffset) == [0, 1, 2, 4, 6, 8, 9, 10, 12, 16])
        #expect(program.metadata.fields.map(\.byteOffset) == [0, 4, 8, 10, 11, 12, 28])
        #expect(program.metadata.maximumByteSize == 36)
        #expect(program.warnings.isEmpty)
        #expect(program.meterColorEncoding == .dpdk)
    }

    @Test func structRules() {
        expectRejected("struct e {\n}\n" + S.spec(""), at: .config, containing: "no fields")
        expectRejected("struct d {\n bit<8> x\n bit<8> x\n}\n" + S.spec(""), at: .config, containing: "duplicate field 'x'")
        expectRejected(S.spec("struct eth_t {\n bit<8> x\n}"), at: .config, containing: "already exists")
        expectRejected("struct w {\n bit<-8> x\n}\n" + S.spec(""), at: .config, containing: "at most 65536")
    }

    @Test func headerRules() {
        expectRejected(S.spec("header eth instanceof eth_t"), at: .config, containing: "header eth")
        expectRejected(S.spec("header x instanceof nope_t"), at: .config, containing: "'nope_t' is not declared")
        let many = (0..<62).map { "header h\($0) instanceof eth_t" }.joined(separator: "\n")
        #expect(throws: Never.self) { _ = try SpecLoader.load(S.spec(many)) }
        expectRejected(S.spec(many + "\nheader h62 instanceof eth_t"), at: .config, containing: "more than 64 headers")
    }

    @Test func aHeaderMayUseAStructDeclaredAfterIt() throws {
        let text = "header late instanceof late_t\n" + S.spec("struct late_t {\n bit<8> f\n}")
        let program = try SpecLoader.load(text)
        #expect(program.headers.first?.name == "late")
    }

    @Test func metadataRules() {
        expectRejected(S.spec("metadata instanceof eth_t"), at: .config, containing: "second metadata")
        expectRejected(S.spec("").replacingOccurrences(of: "metadata instanceof meta_t", with: "metadata instanceof x_t"),
                       at: .config, containing: "'x_t' is not declared")
        let varbit = "struct v_t {\n bit<8> a\n varbit<32> b\n}\n"
        expectRejected(varbit + S.spec("").replacingOccurrences(of: "metadata instanceof meta_t",
                                                                 with: "metadata instanceof v_t"),
                       at: .config, containing: "varbit")
        // Without metadata, the apply block's mandatory 'rx m.F' cannot resolve.
        expectRejected(S.spec("").replacingOccurrences(of: "metadata instanceof meta_t", with: ""),
                       at: .translate, containing: "'m.port' is not a declared field")
    }

    @Test func applyIsRequired() {
        expectRejected(S.prelude, at: .config, containing: "no 'apply")
    }

    @Test func actionRules() {
        expectRejected(S.spec("action nop args none {\n return\n}"), at: .config, containing: "action nop")
        expectRejected(S.spec("action a args instanceof nope_t {\n return\n}"), at: .config, containing: "'nope_t'")
        expectRejected(S.spec("struct v_t {\n varbit<32> b\n}\naction a args instanceof v_t {\n return\n}"),
                       at: .config, containing: "varbit")
        expectRejected(S.spec("action a args none {\n}"), at: .translate, containing: "no instructions")
    }

    @Test func objectNamesAreUniquePerKind() {
        expectRejected(S.spec("regarray r size 1 initval 0\nregarray r size 2 initval 0"), at: .config,
                       containing: "regarray r")
        expectRejected(S.spec("metarray m size 1\nmetarray m size 2"), at: .config, containing: "metarray m")
        expectRejected(S.spec("rss r\nrss r"), at: .config, containing: "rss r")
        expectRejected(S.spec("extobj o instanceof counter_t"), at: .config, containing: "not registered")
    }

    // MARK: Tables

    static let actions = """
        struct args_t {
            bit<32> port
            bit<48> mac
        }
        action fwd args instanceof args_t {
            mov m.port t.port
            return
        }
        action drop_it args none {
            drop
        }

        """

    static func table(_ body: String) -> String {
        S.spec(actions + "table t {\n" + body + "\n}")
    }

    @Test func tableKindAndKeyWindow() throws {
        var program = try SpecLoader.load(Self.table("""
            key {
                m.b exact
                m.a exact
            }
            actions {
                fwd
                drop_it
            }
            default_action drop_it args none
            size 16
            """))
        var table = try #require(program.tables.first)
        #expect(table.kind == .exact)
        #expect(table.keyWindow?.byteOffset == 4)
        #expect(table.keyWindow?.byteCount == 6)
        #expect(table.keyWindow?.mask == [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])
        #expect(table.keyFields.map(\.name) == ["m.b", "m.a"])

        program = try SpecLoader.load(Self.table("""
            key {
                m.port exact
                m.b exact
            }
            actions {
                fwd
            }
            default_action fwd args port 1 mac 0x0a0b0c0d0e0f
            """))
        table = try #require(program.tables.first)
        #expect(table.kind == .wildcard, "exact fields with a hole between them need a wildcard table")
        #expect(table.keyWindow?.mask == [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0xFF, 0xFF])
        #expect(table.defaultAction.actionData == [1, 0, 0, 0, 0x0f, 0x0e, 0x0d, 0x0c, 0x0b, 0x0a])

        program = try SpecLoader.load(Self.table("""
            key {
                h.ipv4.proto exact
                h.ipv4.da lpm
            }
            actions {
                drop_it
            }
            default_action drop_it args none const
            """))
        table = try #require(program.tables.first)
        #expect(table.kind == .wildcard)
        #expect(table.keyWindow?.source == .header(1))
        #expect(table.defaultAction.isConst)

        program = try SpecLoader.load(Self.table("actions {\n drop_it\n}\ndefault_action drop_it args none"))
        #expect(program.tables.first?.kind == .stub)
        #expect(program.tables.first?.keyWindow == nil)
    }

    @Test func tableKeyRules() {
        let tail = "actions {\n drop_it\n}\ndefault_action drop_it args none\nsize 4"
        expectRejected(Self.table("key {\n h.srcAddr exact\n}\n" + tail), at: .config, containing: "names no header")
        expectRejected(Self.table("key {\n m.nope exact\n}\n" + tail), at: .config, containing: "'m.nope'")
        expectRejected(Self.table("key {\n m.a exact\n h.eth.dst exact\n}\n" + tail), at: .config,
                       containing: "same header or metadata")
        expectRejected(Self.table("key {\n h.eth.dst exact\n h.ipv4.da exact\n}\n" + tail), at: .config,
                       containing: "same header")
        expectRejected(Self.table("key {\n m.a exact\n m.a wildcard\n}\n" + tail), at: .config, containing: "twice")
        expectRejected(Self.table("key {\n m.a lpm\n m.b lpm\n}\n" + tail), at: .config, containing: "at most one")
        expectRejected(Self.table("key {\n m.a lpm\n m.b wildcard\n}\n" + tail), at: .config,
                       containing: "every other key field must be exact")
        expectRejected(Self.table("key {\n m.a exact\n}\nactions {\n drop_it\n}\ndefault_action drop_it args none"),
                       at: .config, containing: "size")
    }

    @Test func tableActionRules() {
        let key = "key {\n m.a exact\n}\nsize 4\n"
        expectRejected(Self.table(key + "default_action drop_it args none"), at: .config, containing: "no actions")
        expectRejected(Self.table(key + "actions {\n nope\n}\ndefault_action nope args none"), at: .config,
                       containing: "'nope' is not declared")
        expectRejected(Self.table(key + "actions {\n drop_it\n}"), at: .config, containing: "missing default_action")
        expectRejected(Self.table(key + "actions {\n drop_it\n}\ndefault_action fwd args port 1 mac 2"),
                       at: .config, containing: "not in the actions list")
        expectRejected(Self.table(key + "actions {\n drop_it @tableonly\n}\ndefault_action drop_it args none"),
                       at: .config, containing: "@tableonly")
        expectRejected(Self.table(key + "actions {\n fwd\n}\ndefault_action fwd args none"), at: .config,
                       containing: "expected 2 argument")
        expectRejected(Self.table(key + "actions {\n fwd\n}\ndefault_action fwd args mac 1 port 2"), at: .config,
                       containing: "must be 'port'")
        expectRejected(Self.table(key + "actions {\n fwd\n}\ndefault_action fwd args port x mac 2"), at: .config,
                       containing: "not a number")
        expectRejected(Self.table(key + "actions {\n drop_it\n}\ndefault_action drop_it args x 1"), at: .config,
                       containing: "takes no arguments")
        expectRejected(Self.table(key + "actions {\n drop_it\n}\ndefault_action drop_it args none\nhash md5"),
                       at: .config, containing: "unknown hash function 'md5'")
    }

    @Test func tablesSelectorsAndLearnersShareOneNameSpace() {
        let selector = "selector t {\n group_id m.a\n selector {\n m.b\n }\n member_id m.port\n"
            + " n_groups_max 4\n n_members_per_group_max 4\n}"
        expectRejected(Self.table("actions {\n drop_it\n}\ndefault_action drop_it args none") + "\n" + selector,
                       at: .config, containing: "already exists")
    }

    @Test func tablesMayNotUseLearningActions() {
        let learning = "action learner_act args none {\n learn nop m.c\n return\n}\n"
        expectRejected(S.spec(learning + "table t {\n actions {\n learner_act\n }\n default_action learner_act args none\n}"),
                       at: .config, containing: "learn or forget")
    }

    // MARK: Selectors

    static func selector(_ body: String) -> String { S.spec("selector s {\n" + body + "\n}") }

    @Test func selectorRules() throws {
        let program = try SpecLoader.load(Self.selector("""
            group_id m.a
            selector {
                h.ipv4.sa
                h.ipv4.da
            }
            member_id m.port
            n_groups_max 8
            n_members_per_group_max 4
            """))
        let selector = try #require(program.selectors.first)
        #expect(selector.selectorWindow.byteOffset == 12)
        #expect(selector.selectorWindow.byteCount == 8)
        #expect(selector.groupID.byteOffset == 4)
        #expect(selector.memberID.byteOffset == 0)

        let fields = "selector {\n m.b\n}\n"
        expectRejected(Self.selector(fields + "member_id m.port\nn_groups_max 8\nn_members_per_group_max 4"),
                       at: .config, containing: "group_id")
        expectRejected(Self.selector("group_id h.eth.type\n" + fields + "member_id m.port\nn_groups_max 8\n"
            + "n_members_per_group_max 4"), at: .config, containing: "not a metadata field")
        expectRejected(Self.selector("group_id m.a\nmember_id m.port\nn_groups_max 8\nn_members_per_group_max 4"),
                       at: .config, containing: "lists no fields")
        expectRejected(Self.selector("group_id m.a\nselector {\n m.b\n m.b\n}\nmember_id m.port\nn_groups_max 8\n"
            + "n_members_per_group_max 4"), at: .config, containing: "twice")
        expectRejected(Self.selector("group_id m.a\nselector {\n m.b\n h.eth.type\n}\nmember_id m.port\n"
            + "n_groups_max 8\nn_members_per_group_max 4"), at: .config, containing: "same header")
        expectRejected(Self.selector("group_id m.a\n" + fields + "n_groups_max 8\nn_members_per_group_max 4"),
                       at: .config, containing: "member_id")
        expectRejected(Self.selector("group_id m.a\n" + fields + "member_id m.port\nn_members_per_group_max 4"),
                       at: .config, containing: "n_groups_max")
        expectRejected(Self.selector("group_id m.a\n" + fields + "member_id m.port\nn_groups_max 4"),
                       at: .config, containing: "n_members_per_group_max")
        let wide = "struct big_t {\n bit<8> a\n bit<512> pad\n bit<8> b\n}\nheader big instanceof big_t\n"
        expectRejected(wide + Self.selector("group_id m.a\nselector {\n h.big.a\n h.big.b\n}\nmember_id m.port\n"
            + "n_groups_max 8\nn_members_per_group_max 4"), at: .config, containing: "at most 64")
    }

    // MARK: Learners

    static let learnerActions = """
        struct fwd_args_t {
            bit<32> port
        }
        action fwd args instanceof fwd_args_t {
            mov m.port t.port
            rearm
            return
        }
        action learn_it args none {
            learn fwd m.a m.c
            return
        }

        """

    static func learner(_ body: String) -> String { S.spec(learnerActions + "learner l {\n" + body + "\n}") }

    static let learnerTail = """
        actions {
            fwd
            learn_it
        }
        default_action learn_it args none
        size 64
        timeout {
            10
            30
        }
        """

    @Test func learnerRules() throws {
        let program = try SpecLoader.load(Self.learner("key {\n h.ipv4.sa\n h.ipv4.da\n}\n" + Self.learnerTail))
        let learner = try #require(program.learners.first)
        #expect(learner.keyWindow.byteOffset == 12)
        #expect(learner.keyWindow.byteCount == 8)
        #expect(learner.timeouts == [10, 30])

        expectRejected(Self.learner(Self.learnerTail), at: .config, containing: "lists no fields")
        expectRejected(Self.learner("key {\n h.ipv4.sa\n h.ipv4.proto\n}\n" + Self.learnerTail), at: .config,
                       containing: "contiguous")
        expectRejected(Self.learner("key {\n m.a\n m.a\n}\n" + Self.learnerTail), at: .config, containing: "twice")
        expectRejected(Self.learner("key {\n m.a\n}\n" + Self.learnerTail.replacingOccurrences(of: "size 64", with: "")),
                       at: .config, containing: "size")
        expectRejected(Self.learner("key {\n m.a\n}\n" + Self.learnerTail.replacingOccurrences(of: "30", with: "0")),
                       at: .config, containing: "> 0 seconds")
        let noTimeouts = Self.learnerTail.replacingOccurrences(of: "timeout {\n    10\n    30\n}", with: "")
        expectRejected(Self.learner("key {\n m.a\n}\n" + noTimeouts), at: .config, containing: "1 to 16")
        let seventeen = "timeout {\n" + Array(repeating: "1", count: 17).joined(separator: "\n") + "\n}"
        expectRejected(Self.learner("key {\n m.a\n}\n" + noTimeouts + "\n" + seventeen), at: .config,
                       containing: "1 to 16")
        let missingLearned = Self.learnerTail.replacingOccurrences(of: "    fwd\n", with: "")
        expectRejected(Self.learner("key {\n m.a\n}\n" + missingLearned), at: .config,
                       containing: "not in this learner's actions list")
    }

    @Test func pnaProgramsUsePNAColours() throws {
        let text = S.spec("").replacingOccurrences(of: "bit<8> d", with: "bit<8> pna_main_input_metadata_x")
            .replacingOccurrences(of: "extract h.eth", with: "meter mt m.a m.b m.c m.pna_main_input_metadata_x")
            .replacingOccurrences(of: "action nop", with: "metarray mt size 4\naction nop")
        let program = try SpecLoader.load(text)
        #expect(program.meterColorEncoding == .pna)
        #expect(program.warnings.map(\.kind) == [.pnaMeterColor])
        #expect(SpecMeterColorEncoding.pna.toDPDK(0) == 2)
        #expect(SpecMeterColorEncoding.pna.fromDPDK(0) == 1)
        #expect((0..<3).allSatisfy { SpecMeterColorEncoding.pna.fromDPDK(SpecMeterColorEncoding.pna.toDPDK($0)) == $0 })
    }
}

/// DPDK configures by kind (extobj, regarray, rss, metarray, struct, header, metadata, action, table, selector,
/// learner, apply), file order within a kind.
@Suite struct SpecConfigurationOrderTests {
    @Test func objectsMayBeUsedBeforeTheyAreDeclared() throws {
        let text = """
            apply {
                rx m.port
                regadd r 0 1
                table t
                jmpa DONE a
            DONE : tx m.port
            }
            table t {
                actions {
                    a
                }
                default_action a args none
            }
            action a args none {
                regwr r 1 2
                return
            }
            metadata instanceof m_t
            struct m_t {
                bit<32> port
            }
            regarray r size 2 initval 0
            """
        let program = try SpecLoader.load(text)
        #expect(program.apply.instructions[3] == .jmpa(target: 4, action: 0))
        #expect(program.tables[0].actions == [SpecTableAction(actionIndex: 0, scope: .any)])
    }

    @Test func theLastApplyBlockIsTheOneThatRuns() throws {
        let text = SpecSamples.prelude + "apply {\n rx m.port\n drop\n}\n" + SpecSamples.apply
        let program = try SpecLoader.load(text)
        #expect(program.apply.instructions.map(\.mnemonic) == ["rx", "extract", "tx"])
        // The second block starts four lines after the first one.
        let firstApplyLine = SpecSamples.prelude.filter { $0 == "\n" }.count + 1
        #expect(program.applyLine == firstApplyLine + 4)
    }

    @Test func configurationErrorsComeInKindOrder() {
        // The table error (line 1) is reported after the regarray error (line 8) because regarrays come first.
        let text = "table t {\n}\n" + SpecSamples.prelude + "regarray r size 1 initval 0\nregarray r size 1 initval 0\n"
            + SpecSamples.apply
        expectRejected(text, at: .config, containing: "regarray r")
    }
}

@Suite struct SpecSizingTests {
    @Test func arraysRoundUpToPowersOfTwo() throws {
        let program = try SpecLoader.load(SpecSamples.spec("regarray r size 5 initval 0\nmetarray m size 0xffffffff\n"
            + "regarray one size 1 initval 0"))
        #expect(program.registerArrays[0].capacity == 8)
        #expect(program.registerArrays[1].capacity == 1)
        #expect(program.meterArrays[0].capacity == 1 << 32)
    }
}
