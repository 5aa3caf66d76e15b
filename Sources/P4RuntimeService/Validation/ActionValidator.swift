import P4Device
import P4Model

/// Checks an action call against P4Info (P4Runtime §9.1.2: T14, T15).
enum ActionValidator {
    /// Where the action is used, which decides the scope rule.
    enum Use {
        /// In a table entry (DEFAULT_ONLY actions are refused).
        case entry
        /// As a table's default action (TABLE_ONLY actions are refused).
        case defaultAction
        /// As an action profile member or one-shot action (scope as for entries).
        case member
    }

    /// The action with its parameters canonical and in P4Info order.
    ///
    /// - Throws: INVALID_ARGUMENT for an unknown action, one the table (or profile) does not list, a missing,
    ///   repeated or unknown parameter; PERMISSION_DENIED for an action used outside its scope; OUT_OF_RANGE for
    ///   a parameter value wider than the parameter.
    static func validate(
        _ action: Action, allowed: [ActionID: P4Info.ActionRef.Scope]?, allowedSet: Set<ActionID>? = nil,
        owner: @autoclosure () -> String, use: Use, schema: PipelineSchema, path: @autoclosure () -> String
    ) throws(P4RuntimeError) -> Action {
        if action.actionId.isUnset { throw .invalidArgument("\(path()).actionId: 0 is not a valid action id") }
        guard let actionSchema = schema.actions[action.actionId] else {
            throw .invalidArgument("\(path()).actionId: \(action.actionId) is not an action of the pipeline")
        }
        if let allowed {
            guard let scope = allowed[action.actionId] else {
                throw .invalidArgument("\(path()).actionId: action \(actionSchema.label) is not an action of \(owner())")
            }
            switch (use, scope) {
            case (.entry, .defaultOnly), (.member, .defaultOnly):
                throw .permissionDenied(
                    "\(path()).actionId: action \(actionSchema.label) may only be the default action of \(owner()) (@defaultonly)")
            case (.defaultAction, .tableOnly):
                throw .permissionDenied(
                    "\(path()).actionId: action \(actionSchema.label) may not be the default action of \(owner()) (@tableonly)")
            default:
                break
            }
        } else if let allowedSet, !allowedSet.contains(action.actionId) {
            throw .invalidArgument("\(path()).actionId: action \(actionSchema.label) is not an action of \(owner())")
        }
        let params = actionSchema.params
        // Fast path: every parameter once, in P4Info order, already canonical.
        if action.params.count == params.count {
            var canonical = true
            for (index, param) in action.params.enumerated() {
                func paramPath() -> String { "\(path()).params[\(index)]" }
                let schemaParam = params[index]
                guard param.paramId == schemaParam.id else {
                    canonical = false
                    break
                }
                let value = try ValueChecks.canonical(
                    param.value, bitwidth: schemaParam.bitwidth, isSDNString: schemaParam.isSDNString,
                    path: paramPath() + ".value", field: "parameter '\(schemaParam.name)' (\(schemaParam.id.rawValue))")
                if value.count != param.value.count {
                    canonical = false
                    break
                }
            }
            if canonical { return action }
        }
        var values = [[UInt8]?](repeating: nil, count: params.count)
        for (index, param) in action.params.enumerated() {
            let (position, value) = try parameter(param, of: actionSchema, path: "\(path()).params[\(index)]")
            if values[position] != nil {
                throw .invalidArgument(
                    "\(path()).params[\(index)].paramId: parameter '\(params[position].name)' is given more than once")
            }
            values[position] = value
        }
        for (position, param) in params.enumerated() where values[position] == nil {
            throw .invalidArgument(
                "\(path()).params: parameter '\(param.name)' (\(param.id.rawValue)) of action \(actionSchema.label) is missing")
        }
        var canonical: [Action.Param] = []
        canonical.reserveCapacity(params.count)
        for (position, param) in params.enumerated() {
            canonical.append(Action.Param(paramId: param.id, value: values[position] ?? []))
        }
        return Action(actionId: action.actionId, params: canonical)
    }

    /// One parameter of a call of `action`: its position in P4Info order and its canonical value.
    ///
    /// - Throws: INVALID_ARGUMENT for a parameter the action does not have; OUT_OF_RANGE for a value wider than
    ///   the parameter (or an empty one).
    static func parameter(_ param: Action.Param, of action: ActionSchema, path: @autoclosure () -> String)
        throws(P4RuntimeError) -> (position: Int, value: [UInt8]) {
        guard let position = action.paramPositions[param.paramId] else {
            throw .invalidArgument(
                "\(path()).paramId: \(param.paramId.rawValue) is not a parameter of action \(action.label)")
        }
        let schemaParam = action.params[position]
        let value = try ValueChecks.canonical(
            param.value, bitwidth: schemaParam.bitwidth, isSDNString: schemaParam.isSDNString,
            path: path() + ".value", field: "parameter '\(schemaParam.name)' (\(schemaParam.id.rawValue))")
        return (position, value)
    }
}
