import Foundation
import P4Model
import SWX

extension ProgramBinding {
    /// Runs every check; returns the disagreements found.
    mutating func check() -> [String] {
        for table in p4info.tables { checkTable(table) }
        for profile in p4info.actionProfiles { checkProfile(profile) }
        for counter in p4info.counters { checkCounter(counter) }
        for counter in p4info.directCounters { checkDirectCounter(counter) }
        for register in p4info.registers {
            let base = contextExtern(named: register.preamble.name)?["target_name"] as? String ?? "?"
            if registerArray(named: base) == nil { problems.append("register \(register.preamble.name): no regarray \(base)") }
        }
        checkNoOrphans()
        return problems
    }

    private mutating func checkTable(_ table: P4Info.Table) {
        let label = "table \(table.preamble.name)"
        guard let context = contextTable(handle: table.preamble.id) else {
            problems.append("\(label): no context.json table with handle \(table.preamble.id)"); return
        }
        if context["name"] as? String != table.preamble.name { problems.append("\(label): context.json name differs") }
        let target = Self.specName(context["target_name"] as? String ?? "")
        let addOnMiss = context["add_on_miss"] as? Bool ?? false
        let keyFields: [SpecKeyField]
        let actions: [SpecTableAction]
        let defaultAction: SpecDefaultAction
        if addOnMiss {
            guard let learner = specLearner(named: target) else {
                problems.append("\(label): add_on_miss but no spec learner \(target)"); return
            }
            (keyFields, actions, defaultAction) = (learner.keyFields, learner.actions, learner.defaultAction)
        } else {
            guard let specTable = specTable(named: target) else {
                problems.append("\(label): no spec table \(target)"); return
            }
            (keyFields, actions, defaultAction) = (specTable.keyFields, specTable.actions, specTable.defaultAction)
            if Int64(specTable.size) < table.size { problems.append("\(label): spec size \(specTable.size) < \(table.size)") }
        }
        checkKeys(table, context: context, spec: keyFields, learner: addOnMiss, label: label)
        let contextActions = context["actions"] as? [[String: Any]] ?? []
        if table.implementationId != 0 {
            // Selector tables: the base table carries the synthetic set_member_id / set_group_id actions.
            for suffix in ["_set_member_id", "_set_group_id"] where !actions.contains(where: {
                spec.actions[$0.actionIndex].name == target + suffix
            }) {
                problems.append("\(label): spec table \(target) lacks \(target + suffix)")
            }
        }
        for ref in table.actionRefs {
            guard let action = p4Action(ref.id),
                  let entry = contextActions.first(where: { ($0["handle"] as? NSNumber)?.uint32Value == ref.id.rawValue })
            else { problems.append("\(label): action \(ref.id.rawValue) missing in P4Info or context.json"); continue }
            let specName = Self.specName(entry["target_name"] as? String ?? "")
            guard let specAction = specAction(named: specName) else {
                problems.append("\(label): no spec action \(specName)"); continue
            }
            checkParams(action, specAction)
            if table.implementationId != 0 { continue }
            guard let listed = actions.first(where: { $0.actionIndex == specAction.index }) else {
                problems.append("\(label): spec table \(target) does not list \(specName)"); continue
            }
            let expected: SpecActionScope = switch ref.scope {
            case .tableOnly: .tableOnly
            case .defaultOnly: .defaultOnly
            default: .any
            }
            if listed.scope != expected { problems.append("\(label): \(specName) scope \(listed.scope) ≠ P4Info \(ref.scope)") }
            if (entry["allowed_as_hit_action"] as? Bool) != expected.allowsEntries
                || (entry["allowed_as_default_action"] as? Bool) != expected.allowsDefault {
                problems.append("\(label): context.json scope flags of \(specName) disagree")
            }
        }
        if table.constDefaultActionId.rawValue != 0 {
            let name = p4Action(table.constDefaultActionId).map { Self.specName($0.preamble.name) } ?? "?"
            let specDefault = spec.actions[defaultAction.actionIndex].name
            if !defaultAction.isConst || (specDefault != name && !specDefault.hasPrefix(name + "_")) {
                problems.append("\(label): const default \(name) but spec default \(specDefault) const=\(defaultAction.isConst)")
            }
        }
    }

    private mutating func checkKeys(_ table: P4Info.Table, context: [String: Any], spec keys: [SpecKeyField],
                                    learner: Bool, label: String) {
        let contextKeys = context["match_key_fields"] as? [[String: Any]] ?? []
        guard keys.count == table.matchFields.count, contextKeys.count == keys.count else {
            problems.append("\(label): \(table.matchFields.count) P4Info match fields, \(keys.count) spec key fields, "
                + "\(contextKeys.count) in context.json"); return
        }
        for (position, field) in table.matchFields.enumerated() {
            let key = keys[position]
            if key.field.bitWidth != Self.specWidth(field.bitwidth) {
                problems.append("\(label): key \(field.name) is bit<\(field.bitwidth)> but spec \(key.name) is bit<\(key.field.bitWidth)>")
            }
            let kind: SpecMatchKind? = switch field.matchType {
            case .exact: .exact
            case .lpm: .lpm
            case .ternary, .range, .optional: .wildcard
            default: nil
            }
            if !learner && key.matchKind != kind { problems.append("\(label): key \(field.name) kind \(key.matchKind)") }
            if learner && kind != .exact { problems.append("\(label): learner key \(field.name) must be exact") }
            let entry = contextKeys[position]
            if entry["name"] as? String != field.name || (entry["bit_width"] as? NSNumber)?.int32Value != field.bitwidth {
                problems.append("\(label): context.json key \(position) disagrees with P4Info \(field.name)")
            }
        }
    }

    private mutating func checkParams(_ action: P4Info.Action, _ specAction: SpecAction) {
        let fields = specAction.argumentsStructIndex.map { spec.structs[$0].fields } ?? []
        guard fields.count == action.params.count else {
            problems.append("action \(action.preamble.name): \(action.params.count) params, spec \(specAction.name) has \(fields.count) args")
            return
        }
        for (param, field) in zip(action.params, fields)
        where param.name != field.name || field.bitWidth != Self.specWidth(param.bitwidth) {
            problems.append("action \(action.preamble.name): param \(param.name) bit<\(param.bitwidth)> ≠ spec arg \(field.name) bit<\(field.bitWidth)>")
        }
    }

    private mutating func checkProfile(_ profile: P4Info.ActionProfile) {
        let label = "action profile \(profile.preamble.name)"
        guard let member = contextTable(handle: profile.preamble.id), member["table_type"] as? String == "action",
              let memberTable = specTable(named: Self.specName(member["target_name"] as? String ?? "")) else {
            problems.append("\(label): no member table bound in context.json and spec"); return
        }
        for entry in member["actions"] as? [[String: Any]] ?? [] {
            let name = Self.specName(entry["target_name"] as? String ?? "")
            if !memberTable.actions.contains(where: { spec.actions[$0.actionIndex].name == name }) {
                problems.append("\(label): member table \(memberTable.name) does not list \(name)")
            }
        }
        guard profile.withSelector else { return }
        guard let selection = contextTables.first(where: {
            ($0["bound_to_action_data_table_handle"] as? NSNumber)?.uint32Value == profile.preamble.id
        }), let selector = spec.selectors.first(where: { $0.name == Self.specName(selection["target_name"] as? String ?? "") })
        else { problems.append("\(label): no selector bound in context.json and spec"); return }
        if Int64(selector.groupCountMax) < profile.size || selector.membersPerGroupMax < Int(profile.maxGroupSize) {
            problems.append("\(label): selector \(selector.name) limits below P4Info size/max_group_size")
        }
        if memberTable.keyFields.count != 1 || memberTable.keyFields[0].field != selector.memberID {
            problems.append("\(label): member table \(memberTable.name) is not keyed by the selector's member id")
        }
    }

    private mutating func checkCounter(_ counter: P4Info.Counter) {
        let base = contextExtern(named: counter.preamble.name)?["target_name"] as? String ?? "?"
        for array in Self.counterArrays(base: base, unit: counter.spec?.unit ?? .unspecified) {
            guard let regarray = registerArray(named: array) else {
                problems.append("counter \(counter.preamble.name): no regarray \(array)"); continue
            }
            if Int64(regarray.size) < counter.size { problems.append("counter \(counter.preamble.name): \(array) too small") }
        }
    }

    private mutating func checkDirectCounter(_ counter: P4Info.DirectCounter) {
        let label = "direct counter \(counter.preamble.name)"
        guard let table = p4info.tables.first(where: { $0.id == counter.directTableId }),
              table.directResourceIds.contains(counter.preamble.id),
              let extern = contextExtern(named: counter.preamble.name),
              ((extern["attributes"] as? [String: Any])?["table_id"] as? NSNumber)?.uint32Value == table.preamble.id
        else { problems.append("\(label): table binding differs between P4Info and context.json"); return }
        // Entry ids reach size + 1 for tables and 4 × pow2(size) + 1 for learners (DPDK's 4-key buckets).
        let target = Self.specName(contextTable(handle: table.preamble.id)?["target_name"] as? String ?? "")
        let needed = specLearner(named: target).map { 4 * $0.size.nextPowerOfTwo + 1 } ?? Int(table.size) + 1
        for array in Self.counterArrays(base: extern["target_name"] as? String ?? "?", unit: counter.spec?.unit ?? .unspecified) {
            guard let regarray = registerArray(named: array) else { problems.append("\(label): no regarray \(array)"); continue }
            if regarray.size < needed { problems.append("\(label): \(array) has \(regarray.size) cells, entry ids need \(needed)") }
        }
    }

    private mutating func checkNoOrphans() {
        let bound = Set(contextTables.compactMap { ($0["target_name"] as? String).map(Self.specName) })
        for name in spec.tables.map(\.name) + spec.learners.map(\.name) + spec.selectors.map(\.name) where !bound.contains(name) {
            problems.append("spec object \(name) is bound by no context.json table")
        }
    }
}

extension Int {
    /// The smallest power of two ≥ self (1 for 0).
    var nextPowerOfTwo: Int { self <= 1 ? 1 : 1 << (Int.bitWidth - (self - 1).leadingZeroBitCount) }
}
