import SWX
import Testing

@Suite struct SpecParserTests {
    @Test func numbersFollowStrtoullBaseZero() {
        #expect(CNumber.parseUnsigned("42") == 42)
        #expect(CNumber.parseUnsigned("0x2A") == 42)
        #expect(CNumber.parseUnsigned("0X2a") == 42)
        #expect(CNumber.parseUnsigned("052") == 42)
        #expect(CNumber.parseUnsigned("0") == 0)
        #expect(CNumber.parseUnsigned("-1") == UInt64.max)
        #expect(CNumber.parseUnsigned("+7") == 7)
        #expect(CNumber.parseUnsigned("0x1ffffffffffffffff") == UInt64.max)
        #expect(CNumber.parseUnsigned("08") == nil)
        #expect(CNumber.parseUnsigned("0x") == nil)
        #expect(CNumber.parseUnsigned("12ab") == nil)
        #expect(CNumber.parseUnsigned("") == nil)
        #expect(CNumber.parseUnsigned32("0x100000001") == 1)
        #expect(CNumber.parseHexBytes("0x0102", byteCount: 2) == [1, 2])
        #expect(CNumber.parseHexBytes("0102", byteCount: 2) == [1, 2])
        #expect(CNumber.parseHexBytes("010", byteCount: 2) == nil)
        #expect(CNumber.parseHexBytes("01g2", byteCount: 2) == nil)
    }

    @Test func commentsAndBlankLinesAreIgnored() throws {
        let document = try SpecParser.parse("""
            // comment
            ; comment
            # comment

            struct s { // trailing comment
                bit<8> f ; another
            }
            regarray r size 4 initval 0 # note
            """)
        #expect(document.structs.count == 1)
        #expect(document.structs[0].fields.map(\.name) == ["f"])
        #expect(document.registerArrays.first?.size == 4)
    }

    @Test func tokensOf64CharactersAreRejected() {
        let long = String(repeating: "x", count: 64)
        let error = expectRejected("struct s {\n    bit<8> \(long)\n}\n", at: .parse, containing: "64", line: 2)
        #expect(error?.message.contains("shorter than 64") == true)
        // 63 characters parse.
        #expect(throws: Never.self) { _ = try SpecParser.parse("struct s {\n bit<8> \(String(long.dropFirst()))\n}") }
    }

    @Test func tooManyTokensOnALineAreRejected() {
        let line = Array(repeating: "x", count: 257).joined(separator: " ")
        expectRejected(line, at: .parse, containing: "too many tokens", line: 1)
    }

    @Test func overlongLinesAreRejected() {
        expectRejected("rss " + String(repeating: "a", count: 2100), at: .parse, containing: "longer than")
    }

    @Test func structFieldGrammar() throws {
        let document = try SpecParser.parse("struct s {\n bit<0x10> a\n bit<010> b\n varbit<64> c\n}")
        #expect(document.structs[0].fields.map(\.bitWidth) == [16, 8, 64])
        #expect(document.structs[0].fields.map(\.isVarbit) == [false, false, true])
        expectRejected("struct s {\n bit<12> a\n}", at: .parse, containing: "multiple of 8", line: 2)
        expectRejected("struct s {\n bit<0> a\n}", at: .parse, containing: "multiple of 8")
        expectRejected("struct s {\n int<8> a\n}", at: .parse, containing: "bit<N>")
        expectRejected("struct s {\n bit<8>a\n}", at: .parse, containing: "struct field")
        expectRejected("struct s {\n varbit<16> a\n bit<8> b\n}", at: .parse, containing: "not the last", line: 3)
        expectRejected("struct s\n}", at: .parse, containing: "struct NAME {")
    }

    @Test func unknownStatementsAndUnclosedBlocksAreRejected() {
        expectRejected("register r size 4", at: .parse, containing: "unknown statement 'register'", line: 1)
        expectRejected("action a args none {\n return\n", at: .parse, containing: "missing '}'", line: 1)
        expectRejected("table t {\n key {\n m.a exact\n}", at: .parse, containing: "never closed")
    }

    @Test func statementShapes() {
        expectRejected("header h of s", at: .parse, containing: "header NAME instanceof STRUCT")
        expectRejected("metadata s", at: .parse, containing: "metadata instanceof STRUCT")
        expectRejected("action a args {", at: .parse, containing: "action statement")
        expectRejected("regarray r size 0 initval 0", at: .parse, containing: "size")
        expectRejected("regarray r size 4 initval x", at: .parse, containing: "initval")
        expectRejected("metarray m size 0", at: .parse, containing: "size")
        expectRejected("rss", at: .parse, containing: "rss NAME")
        expectRejected("extobj o of t", at: .parse, containing: "extobj")
        expectRejected("apply", at: .parse, containing: "apply {")
    }

    @Test func tableBlockGrammar() throws {
        let document = try SpecParser.parse("""
            table t {
                key {
                    m.a exact
                    m.b wildcard
                }
                actions {
                    x @tableonly
                    y @defaultonly
                    z
                }
                default_action y args v 0x10 const
                hash crc32
                instanceof wildcard
                pragma opts
                size 0x400
            }
            """)
        let table = try #require(document.tables.first)
        #expect(table.keyFields.map(\.matchKind) == [.exact, .wildcard])
        #expect(table.actions.map(\.scope) == [.tableOnly, .defaultOnly, .any])
        #expect(table.defaultAction?.arguments == ["v", "0x10"])
        #expect(table.defaultAction?.isConst == true)
        #expect(table.hashFunctionName == "crc32")
        #expect(table.recommendedTypeName == "wildcard")
        #expect(table.pragma == "opts")
        #expect(table.size == 1024)
        expectRejected("table t {\n key {\n m.a selector\n }\n}", at: .parse, containing: "selector", line: 3)
        expectRejected("table t {\n actions {\n a @always\n }\n}", at: .parse, containing: "@always")
        expectRejected("table t {\n default_action a args none\n default_action a args none\n}", at: .parse,
                       containing: "duplicate default_action", line: 3)
        expectRejected("table t {\n default_action a args none x\n}", at: .parse, containing: "args none")
        expectRejected("table t {\n default_action a args const\n}", at: .parse, containing: "no arguments")
        expectRejected("table t {\n hash a\n hash b\n}", at: .parse, containing: "duplicate hash")
        expectRejected("table t {\n size big\n}", at: .parse, containing: "size")
        expectRejected("table t {\n colour red\n}", at: .parse, containing: "invalid statement 'colour'")
    }

    @Test func selectorAndLearnerGrammar() throws {
        let document = try SpecParser.parse("""
            selector s {
                group_id m.g
                selector {
                    h.ipv4.sa
                    h.ipv4.da
                }
                member_id m.mid
                n_groups_max 64
                n_members_per_group_max 16
            }
            learner l {
                key {
                    m.a
                }
                actions {
                    x
                }
                default_action x args none
                size 1024
                timeout {
                    10
                    0x1e
                }
            }
            """)
        #expect(document.selectors.first?.selectorFields.map(\.name) == ["h.ipv4.sa", "h.ipv4.da"])
        #expect(document.selectors.first?.groupCountMax == 64)
        #expect(document.learners.first?.timeouts == [10, 30])
        expectRejected("learner l {\n key {\n m.a exact\n }\n}", at: .parse, containing: "one field name")
        expectRejected("learner l {\n timeout {\n ten\n }\n}", at: .parse, containing: "timeout value")
        expectRejected("selector s {\n selector {\n m.a m.b\n }\n}", at: .parse, containing: "selector field")
        expectRejected("selector s {\n n_groups_max\n}", at: .parse, containing: "n_groups_max")
    }

    @Test func instructionLinesKeepTheirTokensAndLines() throws {
        let document = try SpecParser.parse("apply {\n\n    L1 : rx m.port\n    tx m.port\n}\n")
        let apply = try #require(document.applyBlocks.first)
        #expect(apply.instructions.map(\.line) == [3, 4])
        #expect(apply.instructions[0].tokens == ["L1", ":", "rx", "m.port"])
    }
}
