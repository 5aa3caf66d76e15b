import Foundation
import P4Model
import SWX
import Testing

/// Every shipped program loads: its `.spec` with the SWX loader (no DPDK-defect warnings), its P4Info (text
/// and JSON) with `P4InfoIndex` (no warnings), and the JSON P4Info says exactly what the text one says.
@Suite struct ProgramLoadTests {
    @Test(arguments: ProgramFiles.names)
    func specLoadsWithoutWarnings(program: String) throws {
        let text = try ProgramFiles.text("programs/\(program)/\(program).spec")
        let loaded = try SpecLoader.load(text)
        #expect(loaded.warnings.isEmpty, "\(program).spec: \(loaded.warnings)")
        #expect(loaded.metadata.fixedByteSize <= 256, "\(program).spec: metadata must stay below byte 256")
    }

    @Test(arguments: ProgramFiles.names)
    func p4infoTextLoadsWithoutWarnings(program: String) throws {
        let index = try P4InfoIndex(textFormat: ProgramFiles.text("p4info/\(program).p4info.txt"),
                                    source: "\(program).p4info.txt")
        #expect(index.warnings.isEmpty, "\(program): \(index.warnings)")
        #expect(!index.p4info.tables.isEmpty)
    }

    @Test(arguments: ProgramFiles.names)
    func p4infoJSONEqualsText(program: String) throws {
        let fromText = try P4Info.decode(textFormat: ProgramFiles.text("p4info/\(program).p4info.txt"))
        let data = Data(try ProgramFiles.text("p4info/\(program).p4info.json").utf8)
        let tree = try JSONTree.message(from: JSONSerialization.jsonObject(with: data), path: "\(program).p4info.json")
        let fromJSON = try P4Info.decode(message: tree, encoding: .json)
        #expect(fromJSON.warnings.isEmpty, "\(program): \(fromJSON.warnings)")
        #expect(fromJSON.p4info == fromText.p4info)
        let index = try P4InfoIndex(fromJSON.p4info)
        #expect(index.warnings.isEmpty)
    }
}
