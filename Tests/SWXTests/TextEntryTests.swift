import Foundation
import SWX
import TestSupport
import Testing

@Suite struct TextEntryTests {
    static let spec = SpecSamples.spec("""
        struct args_t {
            bit<32> port
            bit<48> mac
            bit<128> addr
        }
        action fwd args instanceof args_t {
            mov m.port t.port
            return
        }
        action drop_it args none {
            drop
        }
        action only_default args none {
            drop
        }
        struct vlan_args_t {
            bit<16> tci
            bit<16> type
        }
        struct vlan_t {
            bit<16> tci
            bit<16> type
        }
        header vlan instanceof vlan_t
        action push args instanceof vlan_args_t {
            validate h.vlan
            mov h.vlan.tci t.tci
            mov h.vlan.type t.type
            return
        }
        table lpm {
            key {
                m.a exact
                m.port lpm
            }
            actions {
                fwd @tableonly
                drop_it
                only_default @defaultonly
            }
            default_action drop_it args none
        }
        table em {
            key {
                m.b exact
                m.c exact
            }
            actions {
                push
                drop_it
            }
            default_action drop_it args none
            size 8
        }
        table ternary {
            key {
                m.w64 wildcard
                m.wide wildcard
            }
            actions {
                drop_it
            }
            default_action drop_it args none
        }
        """)

    let program: SpecProgram
    init() throws { program = try SpecLoader.load(Self.spec) }

    func entry(_ line: String, table: String, purpose: SpecEntryPurpose = .entry) throws -> SpecTableEntry {
        let index = try #require(program.tableIndex(named: table))
        return try #require(try SpecEntryText.parse(line[...], for: .table(index), in: program, purpose: purpose))
    }

    @Test func lpmEntryLaysKeyBytesLikeTheStructs() throws {
        // Window: m.port (bytes 0..3) then m.a (4..7), in struct order; the text gives m.a first (key order).
        let parsed = try entry("match 5 0x0a000000/0xff000000 action drop_it", table: "lpm")
        let match = try #require(parsed.match)
        #expect(match.key == [0, 0, 0, 0x0a, 5, 0, 0, 0])
        #expect(match.mask == [0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])
        #expect(match.priority == 24)
        let lpm = try #require(program.tableIndex(named: "lpm"))
        let text = SpecEntryText.format(parsed, for: .table(lpm), in: program)
        #expect(text == "match 0x5 0xa000000/0xff000000 priority 24 action drop_it")
        #expect(try entry(text, table: "lpm") == parsed)
    }

    @Test func exactEntryInMetadata() throws {
        let parsed = try entry("match 0x0102 7 action push tci 0x0a0b type 0x0800", table: "em")
        let match = try #require(parsed.match)
        #expect(match.key == [0x02, 0x01, 0x07], "metadata fields are little-endian")
        #expect(match.mask == [0xFF, 0xFF, 0xFF])
        #expect(match.priority == 0)
        let action = try #require(parsed.action)
        #expect(program.actions[action.actionIndex].name == "push")
        #expect(action.actionData == [0x0a, 0x0b, 0x08, 0x00], "push keeps its arguments in network order")
        let text = SpecEntryText.format(parsed, for: .table(try #require(program.tableIndex(named: "em"))), in: program)
        #expect(text == "match 0x102 0x7 action push tci 0xa0b type 0x800")
        #expect(try entry(text, table: "em") == parsed)
    }

    @Test func ternaryEntryWithBigFields() throws {
        let wide = String(repeating: "11", count: 16)
        let wideMask = String(repeating: "f0", count: 16)
        let parsed = try entry("match 0x0800/0xff00 0x\(wide)/0x\(wideMask) priority 5 action drop_it", table: "ternary")
        let match = try #require(parsed.match)
        // Window: m.wide (12..27, bytes as written) then m.w64 (28..35, little-endian).
        #expect(match.key == Array(repeating: 0x11, count: 16) + [0x00, 0x08, 0, 0, 0, 0, 0, 0])
        #expect(match.mask == Array(repeating: 0xF0, count: 16) + [0x00, 0xFF, 0, 0, 0, 0, 0, 0])
        #expect(match.priority == 5)
        let ternary = try #require(program.tableIndex(named: "ternary"))
        let text = SpecEntryText.format(parsed, for: .table(ternary), in: program)
        #expect(text == "match 0x800/0xff00 0x\(wide)/0x\(wideMask) priority 5 action drop_it")
        #expect(try entry(text, table: "ternary") == parsed)
        #expect(throws: SpecTextError.self) { _ = try entry("match 1 0x11 action drop_it", table: "ternary") }
    }

    @Test func scopesAndPartsAreChecked() throws {
        let lpm = try #require(program.tableIndex(named: "lpm"))
        #expect(throws: SpecTextError.self) {
            _ = try SpecEntryText.parse("action fwd port 1 mac 2 addr 0x\(String(repeating: "00", count: 16))",
                                        for: .table(lpm), in: program, purpose: .defaultEntry)
        }
        #expect(throws: SpecTextError.self) {
            _ = try SpecEntryText.parse("match 1 2/0xffffffff action only_default", for: .table(lpm), in: program, purpose: .entry)
        }
        #expect(throws: SpecTextError.self) {
            _ = try SpecEntryText.parse("action drop_it", for: .table(lpm), in: program, purpose: .entry)
        }
        #expect(throws: SpecTextError.self) {
            _ = try SpecEntryText.parse("match 1 2/0xffffffff", for: .table(lpm), in: program, purpose: .entry)
        }
        #expect(try SpecEntryText.parse("match 1 2/0xffffffff", for: .table(lpm), in: program, purpose: .deleteKey) != nil)
        #expect(try SpecEntryText.parse("action only_default", for: .table(lpm), in: program, purpose: .defaultEntry) != nil)
        #expect(try SpecEntryText.parse("   # just a comment", for: .table(lpm), in: program) == nil)
    }

    @Test func malformedLinesNameTheProblem() throws {
        let em = try #require(program.tableIndex(named: "em"))
        let cases: [(String, String)] = [
            ("match 1", "2 key field(s)"),
            ("match x 1 action drop_it", "not a number"),
            ("match 1 2 action nope", "not an action"),
            ("match 1 2 action fwd port 1", "3 argument(s)"),
            ("match 1 2 action push type 1 tci 2", "must be 'tci'"),
            ("match 1 2 action drop_it extra", "unexpected 'extra'"),
            ("match 1/0xff00 2 action drop_it", "exact-match table"),
            ("mach 1 2", "'match' or 'action'"),
            ("match 1 2 action fwd port 1 mac 2 addr 0x\(String(repeating: "00", count: 16))", "not in the actions list"),
        ]
        for (line, fragment) in cases {
            do {
                _ = try SpecEntryText.parse(line[...], for: .table(em), in: program)
                Issue.record("'\(line)' parsed")
            } catch {
                #expect(error.message.contains(fragment), "\(line): \(error)")
            }
        }
    }

    @Test func parseAllReportsTheLine() throws {
        let em = try #require(program.tableIndex(named: "em"))
        let entries = try SpecEntryText.parseAll("// header\nmatch 1 2 action drop_it\n\nmatch 3 4 action drop_it\n",
                                                 for: .table(em), in: program)
        #expect(entries.map(\.line) == [2, 4])
        #expect(throws: SpecTextError(line: 3, message: "value 'x' of key field m.b is not a number")) {
            _ = try SpecEntryText.parseAll("match 1 2 action drop_it\n\nmatch x 4 action drop_it", for: .table(em), in: program)
        }
    }

    @Test func prefixMasks() throws {
        let text = """
            struct k_t {
                bit<32> vrf
                bit<32> dst
                bit<128> v6
            }
            header k instanceof k_t
            table r4 {
                key {
                    h.k.vrf exact
                    h.k.dst lpm
                }
                actions {
                    nop
                }
                default_action nop args none
            }
            table r6 {
                key {
                    h.k.v6 lpm
                }
                actions {
                    nop
                }
                default_action nop args none
            }
            """
        let program = try SpecLoader.load(SpecSamples.spec(text))
        let r4 = try #require(program.tableIndex(named: "r4"))
        let v4 = try #require(try SpecEntryText.parse("match 1 0x0a000000/0xff000000 priority 99 action nop",
                                                      for: .table(r4), in: program))
        #expect(v4.match?.key == [0, 0, 0, 1, 0x0a, 0, 0, 0], "header fields are big-endian")
        #expect(v4.match?.mask == [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0])
        #expect(v4.match?.priority == 24, "an lpm mask sets the priority to width - prefix")
        #expect(try SpecEntryText.parse(SpecEntryText.format(v4, for: .table(r4), in: program)[...], for: .table(r4),
                                        in: program) == v4)
        #expect(throws: SpecTextError.self) {
            _ = try SpecEntryText.parse("match 1 0x0a000000/0xff00ff00 action nop", for: .table(r4), in: program)
        }
        #expect(throws: SpecTextError.self) {
            _ = try SpecEntryText.parse("match 1 0x0a000000/0x1ffffffff action nop", for: .table(r4), in: program)
        }
        let zero = try #require(try SpecEntryText.parse("match 1 0/0 action nop", for: .table(r4), in: program))
        #expect(zero.match?.priority == 32)
        let r6 = try #require(program.tableIndex(named: "r6"))
        let v6 = try #require(try SpecEntryText.parse(
            "match 0x20010db8000000000000000000000001/0xffffffffffffffff0000000000000000 action nop",
            for: .table(r6), in: program))
        #expect(v6.match?.priority == 64)
        #expect(v6.match?.key.prefix(4) == [0x20, 0x01, 0x0d, 0xb8])
        #expect(throws: SpecTextError.self) {
            _ = try SpecEntryText.parse("match 0x2001/0xffff action nop", for: .table(r6), in: program)
        }
    }

    @Test func learnerEntriesAndDefaults() throws {
        let text = SpecSamples.spec("""
            struct fwd_t {
                bit<32> port
            }
            action fwd args instanceof fwd_t {
                mov m.port t.port
                return
            }
            action learn_it args none {
                learn fwd m.a m.c
                return
            }
            learner flows {
                key {
                    h.ipv4.sa
                    h.ipv4.da
                }
                actions {
                    fwd @tableonly
                    learn_it @defaultonly
                }
                default_action learn_it args none
                size 16
                timeout {
                    30
                }
            }
            """)
        let program = try SpecLoader.load(text)
        let flows = SpecEntryTarget.learner(try #require(program.learnerIndex(named: "flows")))
        let entry = try #require(try SpecEntryText.parse("match 0x0a000001 0x0a000002 action fwd port 3", for: flows,
                                                         in: program))
        #expect(entry.match?.key == [10, 0, 0, 1, 10, 0, 0, 2])
        #expect(entry.action?.actionData == [3, 0, 0, 0])
        #expect(SpecEntryText.format(entry, for: flows, in: program) == "match 0xa000001 0xa000002 action fwd port 0x3")
        #expect(try SpecEntryText.parse("action learn_it", for: flows, in: program, purpose: .defaultEntry) != nil)
        #expect(throws: SpecTextError.self) {
            _ = try SpecEntryText.parse("action fwd port 1", for: flows, in: program, purpose: .defaultEntry)
        }
    }

    @Test func selectorMemberLines() throws {
        #expect(try SpecSelectorMember.parse("group 3 member 7 weight 2") == SpecSelectorMember(group: 3, member: 7, weight: 2))
        #expect(try SpecSelectorMember.parse("group 0x3 member 7 ; comment")?.weight == 1)
        #expect(try SpecSelectorMember.parse("// only a comment") == nil)
        #expect(throws: SpecTextError.self) { _ = try SpecSelectorMember.parse("group 3 member") }
        #expect(throws: SpecTextError.self) { _ = try SpecSelectorMember.parse("group -3 member 1") }
        #expect(throws: SpecTextError.self) { _ = try SpecSelectorMember.parse("group 3 member 1 weight") }
        let member = SpecSelectorMember(group: 1, member: 2, weight: 3)
        #expect(try SpecSelectorMember.parse(member.text[...]) == member)
    }
}

/// Every table-entry and selector file of the corpus parses against the spec it belongs to, and prints back
/// to text that parses to the same entries.
@Suite(.enabled(if: Fixtures.sharedAvailable, Comment(rawValue: Fixtures.sharedMissing)))
struct TextCorpusTests {
    /// Which spec and table (or selector) each corpus `.txt` file belongs to (from the DPDK example CLI scripts
    /// and the case files); files in other formats are listed with the format they are in.
    static let entryFiles: [String: (spec: String, table: String)] = [
        "dpdk-examples/vxlan_table.txt": ("dpdk-examples/vxlan.spec", "vxlan_table"),
        "dpdk-examples/fib_routing_table.txt": ("dpdk-examples/fib.spec", "routing_table"),
        "dpdk-examples/fib_nexthop_table.txt": ("dpdk-examples/fib.spec", "nexthop_table"),
        "pna-example-tcp-connection-tracking/set_ct_options.entries.txt":
            ("pna-example-tcp-connection-tracking/pna-example-tcp-connection-tracking.p4.spec", "set_ct_options"),
    ]
    static let selectorFiles = ["dpdk-examples/fib_nexthop_group_table.txt", "dpdk-examples/selector.txt"]
    static let otherFormats = [
        "dpdk-examples/ipsec_sa.txt": "IPsec SA definitions for the ipsec block",
        "dpdk-examples/packet.txt": "text2pcap input",
        "k8s_dp/p4Info.txt": "P4Info protobuf text",
    ]

    @Test func everyTextFileIsClassified() {
        let root = Fixtures.shared("swx").path + "/"
        let all = Set(Fixtures.files(under: Fixtures.shared("swx"), endingWith: [".txt"]).map {
            String($0.path.dropFirst(root.count))
        })
        let known = Set(Self.entryFiles.keys).union(Self.selectorFiles).union(Self.otherFormats.keys)
        #expect(all == known)
    }

    @Test(arguments: Array(TextCorpusTests.entryFiles.keys).sorted())
    func entryFileParsesAndRoundTrips(_ file: String) throws {
        let (specFile, tableName) = try #require(Self.entryFiles[file])
        let program = try SpecLoader.load(try String(contentsOf: Fixtures.shared("swx/" + specFile), encoding: .utf8))
        let table = try #require(program.tableIndex(named: tableName))
        let text = try String(contentsOf: Fixtures.shared("swx/" + file), encoding: .utf8)
        let entries = try SpecEntryText.parseAll(text, for: .table(table), in: program)
        #expect(!entries.isEmpty)
        for (_, entry) in entries {
            let printed = SpecEntryText.format(entry, for: .table(table), in: program)
            #expect(try SpecEntryText.parse(printed[...], for: .table(table), in: program) == entry, "\(printed)")
        }
    }

    @Test func vxlanEntriesUseNetworkOrderArguments() throws {
        let program = try SpecLoader.load(try String(contentsOf: Fixtures.shared("swx/dpdk-examples/vxlan.spec"),
                                                     encoding: .utf8))
        let table = try #require(program.tableIndex(named: "vxlan_table"))
        let text = try String(contentsOf: Fixtures.shared("swx/dpdk-examples/vxlan_table.txt"), encoding: .utf8)
        let first = try #require(try SpecEntryText.parseAll(text, for: .table(table), in: program).first?.entry)
        let action = try #require(first.action)
        // ethernet_dst_addr 0xa0a1a2a30000 is the first argument and is copied to the header as a block.
        #expect(Array(action.actionData.prefix(6)) == [0xa0, 0xa1, 0xa2, 0xa3, 0x00, 0x00])
        // port_out (the last argument) is moved to metadata and stays in host order.
        #expect(program.actions[action.actionIndex].argumentIsNetworkByteOrder.last == false)
        #expect(first.match?.key == [0xaa, 0xbb, 0xcc, 0xdd, 0x00, 0x00])
    }

    @Test(arguments: TextCorpusTests.selectorFiles)
    func selectorFileParses(_ file: String) throws {
        let text = try String(contentsOf: Fixtures.shared("swx/" + file), encoding: .utf8)
        let members = try SpecSelectorMember.parseAll(text)
        #expect(!members.isEmpty)
        #expect(members.allSatisfy { $0.weight >= 1 })
    }
}
