extension SpecTranslator {
    /// DPDK's "validate + mov all" rule (`instr_pattern_validate_mov_all_*`): argument `j` of the action is kept
    /// in network byte order when, somewhere in the body, `validate h.H` is followed immediately by one
    /// `mov h.H.f_k t.a_(s+k)` per field of the fixed-size header H, in field order, from consecutive arguments
    /// of equal widths; none of those movs is a jump target; and none of those arguments is the source of
    /// another value `mov`. DPDK then copies the arguments into the header as one block, so the control plane
    /// must store them big-endian. Returns one flag per argument.
    static func networkByteOrderArguments(of action: SpecAction, structs: [SpecStruct],
                                          headers: [SpecHeader]) -> [Bool] {
        guard let argsIndex = action.argumentsStructIndex else { return [] }
        let arguments = structs[argsIndex].fields
        var flags = Array(repeating: false, count: arguments.count)
        let body = action.body.instructions
        var jumpUsers = Array(repeating: 0, count: body.count)
        for instruction in body {
            if let target = instruction.jumpTarget { jumpUsers[target] += 1 }
        }
        var fused = Array(repeating: false, count: body.count)

        func argumentMove(_ index: Int) -> (destination: SpecFieldOperand, source: SpecFieldOperand)? {
            guard index < body.count, !fused[index],
                  case .mov(let destination, .field(let source)) = body[index],
                  case .header = destination.space, source.space == .actionArguments else { return nil }
            return (destination, source)
        }

        func valueMoveCount(fromArgumentAt offset: Int) -> Int {
            var count = 0
            for (index, instruction) in body.enumerated() where !fused[index] {
                guard case .mov(let destination, .field(let source)) = instruction,
                      source.space == .actionArguments, source.byteOffset == offset,
                      destination.bitWidth <= 64, source.bitWidth <= 64 else { continue }
                count += 1
            }
            return count
        }

        func patternLength(at start: Int) -> Int? {
            guard case .validate(let headerIndex) = body[start], !fused[start] else { return nil }
            let header = structs[headers[headerIndex].structIndex]
            guard !header.hasVarbitField, body.count - start >= 1 + header.fields.count,
                  let first = argumentMove(start + 1),
                  let firstArgument = arguments.firstIndex(where: { $0.byteOffset == first.source.byteOffset }),
                  firstArgument + header.fields.count <= arguments.count else { return nil }
            for (k, headerField) in header.fields.enumerated() {
                let index = start + 1 + k
                guard jumpUsers[index] == 0, let move = argumentMove(index),
                      move.destination.space == .header(headerIndex),
                      move.destination.byteOffset == headerField.byteOffset,
                      move.destination.bitWidth == headerField.bitWidth,
                      move.source.byteOffset == arguments[firstArgument + k].byteOffset,
                      move.source.bitWidth == arguments[firstArgument + k].bitWidth else { return nil }
            }
            let usedElsewhere = (0..<header.fields.count).contains {
                valueMoveCount(fromArgumentAt: arguments[firstArgument + $0].byteOffset) > 1
            }
            if usedElsewhere { return nil }
            for k in 0..<header.fields.count { flags[firstArgument + k] = true }
            return 1 + header.fields.count
        }

        var index = 0
        while index < body.count {
            if let length = patternLength(at: index) {
                for k in (index + 1)..<(index + length) { fused[k] = true }
                index += length
            } else {
                index += 1
            }
        }
        return flags
    }

    /// Marks every action-argument operand of `block` with the byte order its argument is stored in.
    static func applyArgumentByteOrder(_ flags: [Bool], to block: SpecInstructionBlock) -> SpecInstructionBlock {
        guard flags.contains(true) else { return block }
        var result = block
        result.instructions = block.instructions.map { instruction in
            instruction.mappingFieldOperands { operand in
                guard operand.space == .actionArguments, operand.fieldIndex < flags.count else { return operand }
                var updated = operand
                updated.isNetworkByteOrder = operand.isBig || flags[operand.fieldIndex]
                return updated
            }
        }
        return result
    }
}
