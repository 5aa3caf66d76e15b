import P4Device
import P4Model
import SWX

/// Where a P4Info table lives in the spec.
enum SpecTableTarget: Sendable, Hashable {
    /// A regular table (index into `SpecProgram.tables`).
    case table(Int)
    /// A learner (index into `SpecProgram.learners`): entries are added by the data plane; the control plane
    /// may add, delete and read them too (an extension).
    case learner(Int)
}

/// A P4Info table bound to its spec object: key placement, action bindings, and for profile/selector tables the
/// synthetic `set_member_id` / `set_group_id` actions.
struct TableBinding: Sendable {
    /// The P4Info table.
    var schema: TableSchema
    /// The spec object.
    var target: SpecTableTarget
    /// The spec object's name.
    var specName: String
    /// Per P4Info key field, in P4Info order: its placement in the key window (nil for `selector` fields, which
    /// p4c-dpdk moves into the selector's hash and out of the table key).
    var fields: [FieldPlacement?]
    /// The key window's size in bytes.
    var windowSize: Int
    /// The key window's per-byte mask (0 on holes).
    var windowMask: [UInt8]
    /// True for a spec exact (hash) table.
    var isExactTable: Bool
    /// Direct actions by P4Info id.
    var actions: [ActionID: ActionBinding]
    /// `actions` by spec action id, the lowest P4Info id where several share one: names the action of an entry
    /// the data plane learned (which carries only the spec action) without a search per entry.
    var actionsBySpecAction: [Int: ActionBinding] = [:]
    /// For profile/selector tables: spec action writing the member id, and its data layout.
    var setMemberAction: (action: Int, placement: FieldPlacement)?
    /// For selector tables: spec action writing the group id.
    var setGroupAction: (action: Int, placement: FieldPlacement)?
    /// The spec's size for this object.
    var capacity: Int
    /// The regarrays of the table's direct counter, indexed by entry id (nil: no direct counter, or the spec
    /// has no regarray for it).
    var directCounter: ExternBinding.Counter?
    /// The metarray of the table's direct meter, indexed by entry id (nil: no direct meter).
    var directMeter: DirectMeterBinding? = nil

    /// The position of the P4Info LPM field, if any.
    var lpmPosition: Int? { schema.fields.firstIndex { $0.matchType == .lpm } }
}

extension TableBinding {
    /// Resolves the spec action for P4Info action `name` among `candidates` (spec action ids a table lists):
    /// context.json's `target_name` when given, else the exact last component or `NAME_N`.
    static func resolveAction(
        p4Name: String, contextName: String?, candidates: [Int], program: SpecProgram, context: String
    ) throws(P4RuntimeError) -> Int {
        if let contextName {
            guard let match = candidates.first(where: { program.actions[$0].name == contextName }) else {
                throw .invalidArgument("\(context): context.json binds action '\(p4Name)' to '\(contextName)', "
                    + "which the spec object does not list")
            }
            return match
        }
        let base = ContextNames.lastComponent(p4Name)
        if let exact = candidates.first(where: { program.actions[$0].name == base }) { return exact }
        let suffixed = candidates.filter { candidate in
            let name = program.actions[candidate].name
            guard name.hasPrefix(base + "_") else { return false }
            let tail = name.dropFirst(base.count + 1)
            return !tail.isEmpty && tail.allSatisfy(\.isNumber)
        }
        if suffixed.count > 1 {
            throw .invalidArgument("\(context): action '\(p4Name)' is ambiguous: both spec actions "
                + "'\(program.actions[suffixed[0]].name)' and '\(program.actions[suffixed[1]].name)' match; "
                + "give context.json to bind it")
        }
        guard let only = suffixed.first else {
            throw .invalidArgument("\(context): no spec action matches '\(p4Name)' (looked for '\(base)' or "
                + "'\(base)_N' among \(candidates.map { program.actions[$0].name }))")
        }
        return only
    }

    /// Key placements for a spec key (fields in key-block order) matched by position to the P4Info fields.
    static func placements(
        _ schema: TableSchema, keyFields: [SpecKeyField], window: SpecKeyWindow?, context: String
    ) throws(P4RuntimeError) -> [FieldPlacement?] {
        let keyed = schema.fields.filter { $0.otherName != "selector" }
        guard keyed.count == keyFields.count else {
            throw .invalidArgument("\(context): P4Info table \(schema.label) has \(keyed.count) key fields "
                + "but the spec key has \(keyFields.count)")
        }
        guard let window else { return schema.fields.map { _ in nil } }
        var placements: [FieldPlacement?] = []
        var next = 0
        for field in schema.fields {
            if field.otherName == "selector" {
                placements.append(nil)
                continue
            }
            let spec = keyFields[next]
            next += 1
            guard spec.field.bitWidth >= field.bitwidth || field.isSDNString else {
                throw .invalidArgument("\(context): key field \(field.label) is \(field.bitwidth) bits but spec field "
                    + "'\(spec.name)' only \(spec.field.bitWidth)")
            }
            let specKind = spec.matchKind
            let compatible: Bool = switch field.matchType {
            case .exact?: true
            case .lpm?: specKind == .lpm || specKind == .wildcard
            case .ternary?, .range?, .optional?: specKind == .wildcard
            default: false
            }
            guard compatible else {
                throw .invalidArgument("\(context): key field \(field.label) is \(field.matchType.map { "\($0)" } ?? field.otherName) "
                    + "but spec field '\(spec.name)' is \(specKind.rawValue)")
            }
            placements.append(FieldPlacement(
                offset: spec.field.byteOffset - window.byteOffset, byteWidth: spec.field.byteWidth,
                networkOrder: spec.field.isNetworkByteOrder,
                p4Bits: field.isSDNString ? spec.field.bitWidth : field.bitwidth))
        }
        return placements
    }

    /// The single-argument spec action `name` among `candidates`, with its argument's placement.
    static func idAction(
        named name: String, candidates: [Int], program: SpecProgram, context: String
    ) throws(P4RuntimeError) -> (action: Int, placement: FieldPlacement) {
        guard let action = candidates.first(where: { program.actions[$0].name == name }) else {
            throw .invalidArgument("\(context): the spec table lists no action '\(name)' (p4c-dpdk's action "
                + "profile split)")
        }
        guard let field = program.argumentsStruct(ofAction: action)?.fields.first else {
            throw .invalidArgument("\(context): spec action '\(name)' takes no argument")
        }
        let network = program.actions[action].argumentIsNetworkByteOrder.first ?? false
        return (action, FieldPlacement(offset: field.byteOffset, byteWidth: field.byteWidth, networkOrder: network,
                                        p4Bits: field.bitWidth))
    }
}
