import P4Device
import P4Model
import SWX

/// How one P4Info action becomes a spec action for one table: the spec action id and where each P4Info
/// parameter goes in its action data.
struct ActionBinding: Sendable {
    /// The P4Info action.
    var actionId: ActionID
    /// The spec action id.
    var specAction: Int
    /// Per P4Info parameter, in P4Info order: its id and placement.
    var params: [(id: ActionParamID, placement: FieldPlacement)]
    /// Size of the action data.
    var dataSize: Int

    /// Binds P4Info action `schema` to spec action `specAction`: parameters map 1:1 by position onto the args
    /// struct's fields (p4c-dpdk keeps names and order, rounding widths up to bytes).
    init(_ schema: ActionSchema, specAction: Int, program: SpecProgram, context: String) throws(P4RuntimeError) {
        actionId = schema.id
        self.specAction = specAction
        let action = program.actions[specAction]
        let fields = program.argumentsStruct(ofAction: specAction)?.fields ?? []
        guard fields.count == schema.params.count else {
            throw .invalidArgument("\(context): action \(schema.label) has \(schema.params.count) parameters but "
                + "spec action '\(action.name)' (line \(action.line)) has \(fields.count) arguments")
        }
        var params: [(ActionParamID, FieldPlacement)] = []
        for (i, param) in schema.params.enumerated() {
            let field = fields[i]
            guard field.bitWidth >= param.bitwidth || param.isSDNString else {
                throw .invalidArgument("\(context): parameter '\(param.name)' of \(schema.label) is \(param.bitwidth) "
                    + "bits but spec argument '\(field.name)' of '\(action.name)' only \(field.bitWidth)")
            }
            let network = (action.argumentIsNetworkByteOrder.indices.contains(i) && action.argumentIsNetworkByteOrder[i])
                || field.bitWidth > 64
            params.append((param.id, FieldPlacement(offset: field.byteOffset, byteWidth: field.byteWidth,
                                                     networkOrder: network,
                                                     p4Bits: param.isSDNString ? field.bitWidth : param.bitwidth)))
        }
        self.params = params
        dataSize = program.actionDataSize(ofAction: specAction)
    }

    /// The spec entry action for `action` (already validated against P4Info by the service).
    func entryAction(_ action: Action) -> SpecEntryAction {
        var data = [UInt8](repeating: 0, count: dataSize)
        for (id, placement) in params {
            let value = action.params.first { $0.paramId == id }?.value ?? []
            placement.write(widening: value, into: &data)
        }
        return SpecEntryAction(actionIndex: specAction, actionData: data)
    }

    /// The P4Runtime action for spec action data (canonical bytestrings, each trimmed to the P4 width).
    func action(from data: [UInt8]) -> Action {
        var padded = data
        if padded.count < dataSize { padded += [UInt8](repeating: 0, count: dataSize - padded.count) }
        return Action(actionId: actionId, params: params.map { id, placement in
            let raw = WideValue.clearTop(placement.read(padded), bits: placement.padBits)
            return Action.Param(paramId: id, value: WideValue.canonical(raw))
        })
    }
}
