extension SpecValueOperand {
    /// The field, if this operand is a field.
    public var field: SpecFieldOperand? {
        if case .field(let operand) = self { return operand }
        return nil
    }

    func mapping(_ transform: (SpecFieldOperand) -> SpecFieldOperand) -> SpecValueOperand {
        switch self {
        case .field(let operand): .field(transform(operand))
        case .immediate: self
        }
    }
}

extension SpecInstruction {
    /// Every field operand of the instruction, in operand order (immediates, headers, objects and byte ranges
    /// are not included).
    public var fieldOperands: [SpecFieldOperand] {
        var result: [SpecFieldOperand] = []
        _ = mappingFieldOperands { operand in
            result.append(operand)
            return operand
        }
        return result
    }

    /// The same instruction with every field operand replaced by `transform(operand)`.
    public func mappingFieldOperands(_ transform: (SpecFieldOperand) -> SpecFieldOperand) -> SpecInstruction {
        switch self {
        case .rx(let port): return .rx(port: transform(port))
        case .tx(let port): return .tx(port: port.mapping(transform))
        case .mirror(let slot, let session): return .mirror(slot: transform(slot), session: transform(session))
        case .recircid(let destination): return .recircid(destination: transform(destination))
        case .extract(let header, let count): return .extract(header: header, varbitByteCount: count.map(transform))
        case .mov(let d, let s): return .mov(destination: transform(d), source: s.mapping(transform))
        case .movh(let d, let s): return .movh(destination: transform(d), source: transform(s))
        case .add(let d, let s): return .add(destination: transform(d), source: s.mapping(transform))
        case .sub(let d, let s): return .sub(destination: transform(d), source: s.mapping(transform))
        case .and(let d, let s): return .and(destination: transform(d), source: s.mapping(transform))
        case .or(let d, let s): return .or(destination: transform(d), source: s.mapping(transform))
        case .xor(let d, let s): return .xor(destination: transform(d), source: s.mapping(transform))
        case .shl(let d, let s): return .shl(destination: transform(d), source: s.mapping(transform))
        case .shr(let d, let s): return .shr(destination: transform(d), source: s.mapping(transform))
        case .ckadd(let d, let s):
            switch s {
            case .field(let f): return .ckadd(destination: transform(d), source: .field(transform(f)))
            case .header: return .ckadd(destination: transform(d), source: s)
            }
        case .cksub(let d, let s): return .cksub(destination: transform(d), source: transform(s))
        case .hash(let f, let d, let s): return .hash(function: f, destination: transform(d), source: s)
        case .rss(let r, let d, let s): return .rss(rss: r, destination: transform(d), source: s)
        case .learn(let a, let first, let timeout):
            return .learn(action: a, firstArgument: first.map(transform), timeoutID: transform(timeout))
        case .rearm(let timeout): return .rearm(timeoutID: timeout.map(transform))
        case .entryid(let d): return .entryid(destination: transform(d))
        case .regprefetch(let r, let i): return .regprefetch(regarray: r, index: i.mapping(transform))
        case .regrd(let d, let r, let i):
            return .regrd(destination: transform(d), regarray: r, index: i.mapping(transform))
        case .regwr(let r, let i, let v):
            return .regwr(regarray: r, index: i.mapping(transform), value: v.mapping(transform))
        case .regadd(let r, let i, let v):
            return .regadd(regarray: r, index: i.mapping(transform), value: v.mapping(transform))
        case .metprefetch(let m, let i): return .metprefetch(metarray: m, index: i.mapping(transform))
        case .meter(let m, let i, let l, let cin, let cout):
            return .meter(metarray: m, index: i.mapping(transform), length: transform(l),
                          colorIn: cin.mapping(transform), colorOut: transform(cout))
        case .jmpeq(let t, let l, let r): return .jmpeq(target: t, left: transform(l), right: r.mapping(transform))
        case .jmpneq(let t, let l, let r): return .jmpneq(target: t, left: transform(l), right: r.mapping(transform))
        case .jmplt(let t, let l, let r): return .jmplt(target: t, left: transform(l), right: r.mapping(transform))
        case .jmpgt(let t, let l, let r): return .jmpgt(target: t, left: transform(l), right: r.mapping(transform))
        case .drop, .recirculate, .lookahead, .emit, .validate, .invalidate, .table, .forget, .extern, .jmp,
             .jmpv, .jmpnv, .jmph, .jmpnh, .jmpa, .jmpna, .return:
            return self
        }
    }
}
