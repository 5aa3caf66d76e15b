import Foundation
import P4Model
import SWX

/// One shipped program loaded three ways (spec, P4Info, context.json), with the lookups the binding checks need.
/// Checks append a sentence per disagreement to `problems` rather than stopping at the first.
struct ProgramBinding {
    let name: String
    let spec: SpecProgram
    let p4info: P4Info
    let contextTables: [[String: Any]]
    let contextExterns: [[String: Any]]
    var problems: [String] = []

    init(program: String) throws {
        name = program
        spec = try SpecLoader.load(ProgramFiles.text("programs/\(program)/\(program).spec"))
        p4info = try P4Info.decode(textFormat: ProgramFiles.text("p4info/\(program).p4info.txt")).p4info
        let data = Data(try ProgramFiles.text("programs/\(program)/context.json").utf8)
        let context = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        contextTables = context["tables"] as? [[String: Any]] ?? []
        contextExterns = context["externs"] as? [[String: Any]] ?? []
    }

    /// The spec object name context.json's `target_name` designates: its last dotted component (p4c-dpdk's rule).
    static func specName(_ targetName: String) -> String {
        String(targetName.split(separator: ".").last ?? Substring(targetName))
    }

    /// A P4Info bitwidth as p4c-dpdk lays it out in the spec: rounded up to whole bytes.
    static func specWidth(_ bitwidth: Int32) -> Int { (Int(bitwidth) + 7) / 8 * 8 }

    func contextTable(handle: UInt32) -> [String: Any]? {
        contextTables.first { ($0["handle"] as? NSNumber)?.uint32Value == handle }
    }

    func contextExtern(named name: String) -> [String: Any]? {
        contextExterns.first { $0["name"] as? String == name }
    }

    func specAction(named name: String) -> SpecAction? { spec.actions.first { $0.name == name } }

    func specTable(named name: String) -> SpecTable? { spec.tables.first { $0.name == name } }

    func specLearner(named name: String) -> SpecLearner? { spec.learners.first { $0.name == name } }

    func registerArray(named name: String) -> SpecRegisterArray? { spec.registerArrays.first { $0.name == name } }

    func p4Action(_ id: ActionID) -> P4Info.Action? { p4info.actions.first { $0.id == id } }

    /// The regarrays p4c-dpdk emits for a counter whose spec base name is `base`.
    static func counterArrays(base: String, unit: P4Info.CounterSpec.Unit) -> [String] {
        switch unit {
        case .both: [base + "_packets", base + "_bytes"]
        default: [base]
        }
    }
}
