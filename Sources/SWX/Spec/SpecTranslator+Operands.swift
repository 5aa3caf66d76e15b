extension SpecTranslator {
    /// What a name denotes, following DPDK's `struct_field_parse` prefix rules.
    func field(_ name: String, allowActionArguments: Bool) -> SpecFieldOperand? {
        let parts = name.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return nil }
        switch parts[0] {
        case "h":
            return headerField(name)
        case "m":
            return metadataField(name)
        case "t":
            guard allowActionArguments, let action, let structIndex = action.argumentsStructIndex else { return nil }
            let fieldName = name.dropFirst(2)
            guard let fieldIndex = builder.structs[structIndex].fields.firstIndex(where: { $0.name == fieldName })
            else { return nil }
            return operand(.actionArguments, structIndex: structIndex, fieldIndex: fieldIndex)
        case "e":
            guard parts.count == 3,
                  let object = builder.externObjects.first(where: { $0.name == parts[1] }) else { return nil }
            let mailbox = builder.structs[object.mailboxStructIndex]
            guard let fieldIndex = mailbox.fields.firstIndex(where: { $0.name == parts[2] }) else { return nil }
            return operand(.externObject(object.index), structIndex: object.mailboxStructIndex,
                           fieldIndex: fieldIndex)
        case "f":
            guard parts.count == 3,
                  let function = builder.externFunctions.first(where: { $0.name == parts[1] }) else { return nil }
            let mailbox = builder.structs[function.mailboxStructIndex]
            guard let fieldIndex = mailbox.fields.firstIndex(where: { $0.name == parts[2] }) else { return nil }
            return operand(.externFunction(function.index), structIndex: function.mailboxStructIndex,
                           fieldIndex: fieldIndex)
        default:
            return nil
        }
    }

    /// `h.HEADER.FIELD` (the field name is everything after the second dot).
    func headerField(_ name: String) -> SpecFieldOperand? {
        guard name.hasPrefix("h.") else { return nil }
        let rest = name.dropFirst(2)
        guard let dot = rest.firstIndex(of: ".") else { return nil }
        let headerName = rest[..<dot]
        let fieldName = rest[rest.index(after: dot)...]
        guard let header = builder.headers.first(where: { $0.name == headerName }) else { return nil }
        guard let fieldIndex = builder.structs[header.structIndex].fields.firstIndex(where: { $0.name == fieldName })
        else { return nil }
        return operand(.header(header.index), structIndex: header.structIndex, fieldIndex: fieldIndex)
    }

    /// `m.FIELD`.
    func metadataField(_ name: String) -> SpecFieldOperand? {
        guard name.hasPrefix("m."), let structIndex = builder.metadataStructIndex else { return nil }
        let fieldName = name.dropFirst(2)
        guard let fieldIndex = builder.structs[structIndex].fields.firstIndex(where: { $0.name == fieldName })
        else { return nil }
        return operand(.metadata, structIndex: structIndex, fieldIndex: fieldIndex)
    }

    /// `h.HEADER`.
    func header(_ name: String) -> Int? {
        guard name.hasPrefix("h.") else { return nil }
        let headerName = name.dropFirst(2)
        return builder.headers.firstIndex { $0.name == headerName }
    }

    func operand(_ space: SpecFieldSpace, structIndex: Int, fieldIndex: Int) -> SpecFieldOperand {
        let field = builder.structs[structIndex].fields[fieldIndex]
        var networkOrder = field.isBig
        if case .header = space { networkOrder = true }
        return SpecFieldOperand(space: space, structIndex: structIndex, fieldIndex: fieldIndex,
                                byteOffset: field.byteOffset, bitWidth: field.bitWidth,
                                isNetworkByteOrder: networkOrder)
    }

    func isVarbit(_ operand: SpecFieldOperand) -> Bool {
        builder.structs[operand.structIndex].fields[operand.fieldIndex].isVarbit
    }

    /// Explains why `name` did not resolve as a field, for error messages.
    func describeUnresolved(_ name: String, allowActionArguments: Bool) -> String {
        if name.hasPrefix("t.") && (!allowActionArguments || action == nil) {
            return action == nil ? "'\(name)': action arguments exist only inside an action"
                : "'\(name)': an action argument cannot be used here"
        }
        if name.hasPrefix("h.") || name.hasPrefix("m.") || name.hasPrefix("t.") || name.hasPrefix("e.")
            || name.hasPrefix("f.") {
            return "'\(name)' is not a declared field"
        }
        if CNumber.parseUnsigned(name[...]) != nil { return "'\(name)' is an immediate, but a field is required" }
        return "'\(name)' is neither a field nor a number"
    }
}
