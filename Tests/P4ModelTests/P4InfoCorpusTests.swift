import Foundation
import P4Model
import TestSupport
import Testing

/// Every P4Info in the shared fixture corpus loads (decodes and validates); the only warnings are the known ones.
@Suite("P4Info corpus", .enabled(if: Fixtures.sharedAvailable, Comment(rawValue: Fixtures.sharedMissing)))
struct P4InfoCorpusTests {
    static let files: [URL] = {
        let root = Fixtures.sharedRoot
        let named = Fixtures.files(
            under: root,
            endingWith: [".p4info.txt", ".p4info.txtpb", ".p4info.pb.txt", "p4Info.txt", "basic_p4info.txt", ".proto.txt"])
        let fabric = root.appendingPathComponent("p4c/onos-fabric/p4info.txt")
        return (named + [fabric]).filter { FileManager.default.fileExists(atPath: $0.path) }.sorted { $0.path < $1.path }
    }()

    /// Files that break a P4Runtime rule in a way that still leaves them usable, with the warnings they must get.
    static let expectedWarnings: [String: [String]] = [
        "finsy-broken_type_info.p4info.txt": [
            "type_info: struct 'S1' is recursive (struct 'S1' → struct 'S2' → struct 'S1'); P4 forbids recursive types and values of it cannot be encoded"
        ],
        "finsy-externs.p4info.txt": [
            "extern type 'x' (0x01): extern type id is outside the range 0x81…0xfe reserved for extern types",
            "extern type 'x' (0x01) instance 'instance1' (0x00000001): id prefix does not match the extern type id",
            "extern type 'x' (0x01) instance 'instance2' (0x00000002): id prefix does not match the extern type id",
            "extern type 'y' (0x02): extern type id is outside the range 0x81…0xfe reserved for extern types",
            "extern type 'y' (0x02) instance 'instance1' (0x00000001): id prefix does not match the extern type id",
            "extern type 'y' (0x02) instance 'instance2' (0x00000002): id prefix does not match the extern type id",
        ],
        "p4runtime-shell-unittest.p4info.pb.txt": [
            "action profile 'ActProfWS' (0x11005fc9): max_group_size 200 exceeds size 128"
        ],
    ]

    @Test func corpusIsComplete() {
        // 30 files named *p4info*, p4Info.txt, and the three bmv2 *.proto.txt P4Infos.
        #expect(Self.files.count >= 34, "found only \(Self.files.map(\.lastPathComponent))")
        for name in Self.expectedWarnings.keys {
            #expect(Self.files.contains { $0.lastPathComponent == name }, "missing \(name)")
        }
    }

    @Test(arguments: files)
    func loads(_ url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        let index = try P4InfoIndex(textFormat: text, source: url.lastPathComponent)
        #expect(index.warnings == Self.expectedWarnings[url.lastPathComponent] ?? [])
        // Every object can be found again by id and by name.
        for table in index.p4info.tables {
            #expect(index.table(table.id)?.preamble.name == table.preamble.name)
            #expect(index.table(named: table.preamble.name)?.id == table.id)
            if !table.preamble.alias.isEmpty { #expect(index.table(named: table.preamble.alias)?.id == table.id) }
            for field in table.matchFields {
                #expect(index.matchField(field.id, inTable: table.id) == field)
                #expect(index.matchField(named: field.name, inTable: table.id) == field)
            }
        }
        for action in index.p4info.actions {
            #expect(index.action(named: action.preamble.name)?.id == action.id)
            for param in action.params { #expect(index.param(named: param.name, inAction: action.id) == param) }
        }
    }

    @Test func k8sDataplaneHasItsTables() throws {
        let text = try String(contentsOf: Fixtures.shared("swx/k8s_dp/p4Info.txt"), encoding: .utf8)
        let index = try P4InfoIndex(textFormat: text)
        #expect(index.p4info.pkgInfo?.arch == "pna")
        let pinned = try #require(index.table(named: "pinned_flows"))
        #expect(pinned.preamble.name == "k8s_dp_control.pinned_flows")
        #expect(pinned.matchFields.map(\.bitwidth) == [32, 32, 8, 16, 16])
        #expect(index.table(named: "k8s_dp_control.pinned_flows")?.id == pinned.id)
    }
}
