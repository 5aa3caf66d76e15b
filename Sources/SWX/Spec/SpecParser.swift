/// The `.spec` grammar: tokenized lines → `SpecDocument`, with DPDK's `pipeline_spec_parse` accept/reject
/// behaviour. Every failure is a `SpecError` with stage `.parse`, the line, and the rule broken.
///
/// This file holds the block state machine; per-statement grammar lives in `SpecParser+Statements.swift`.
public struct SpecParser {
    enum Block {
        case structBody(SpecDocument.Struct)
        case action(SpecDocument.Action)
        case table(SpecDocument.Table, inner: TableInner)
        case selector(SpecDocument.Selector, inSelectorBlock: Bool)
        case learner(SpecDocument.Learner, inner: LearnerInner)
        case apply(SpecDocument.Apply)
    }

    enum TableInner { case none, key, actions }
    enum LearnerInner { case none, key, actions, timeout }

    var document = SpecDocument()
    var block: Block?

    /// Parses `.spec` text into a document.
    public static func parse(_ text: String) throws(SpecError) -> SpecDocument {
        let lines: [SpecTokenizer.Line]
        do {
            lines = try SpecTokenizer.lines(of: text)
        } catch {
            throw SpecError(stage: .parse, line: error.line, message: error.message)
        }
        var parser = SpecParser()
        for line in lines {
            try parser.consume(line.tokens.map(String.init), line: line.number)
        }
        if let open = parser.block {
            throw SpecError(stage: .parse, line: parser.openLine(open),
                            message: "missing '}': the \(parser.blockName(open)) block opened here is never closed")
        }
        return parser.document
    }

    mutating func consume(_ tokens: [String], line: Int) throws(SpecError) {
        let closes = tokens.count == 1 && tokens[0] == "}"
        switch block {
        case .structBody(var s)?:
            if closes {
                document.structs.append(s)
                block = nil
            } else {
                s.fields.append(try Self.structField(tokens, line: line, previous: s.fields.last))
                block = .structBody(s)
            }
        case .action(var a)?:
            if closes {
                document.actions.append(a)
                block = nil
            } else {
                a.instructions.append(SpecDocument.Instruction(tokens: tokens, line: line))
                block = .action(a)
            }
        case .apply(var a)?:
            if closes {
                document.applyBlocks.append(a)
                block = nil
            } else {
                a.instructions.append(SpecDocument.Instruction(tokens: tokens, line: line))
                block = .apply(a)
            }
        case .table(var t, let inner)?:
            let next = try tableLine(&t, inner: inner, tokens: tokens, line: line)
            if let next {
                block = .table(t, inner: next)
            } else {
                document.tables.append(t)
                block = nil
            }
        case .selector(var s, let inner)?:
            let next = try selectorLine(&s, inSelectorBlock: inner, tokens: tokens, line: line)
            if let next {
                block = .selector(s, inSelectorBlock: next)
            } else {
                document.selectors.append(s)
                block = nil
            }
        case .learner(var l, let inner)?:
            let next = try learnerLine(&l, inner: inner, tokens: tokens, line: line)
            if let next {
                block = .learner(l, inner: next)
            } else {
                document.learners.append(l)
                block = nil
            }
        case nil:
            try topLevel(tokens, line: line)
        }
    }

    func openLine(_ block: Block) -> Int {
        switch block {
        case .structBody(let s): s.line
        case .action(let a): a.line
        case .table(let t, _): t.line
        case .selector(let s, _): s.line
        case .learner(let l, _): l.line
        case .apply(let a): a.line
        }
    }

    func blockName(_ block: Block) -> String {
        switch block {
        case .structBody(let s): "struct \(s.name)"
        case .action(let a): "action \(a.name)"
        case .table(let t, _): "table \(t.name)"
        case .selector(let s, _): "selector \(s.name)"
        case .learner(let l, _): "learner \(l.name)"
        case .apply: "apply"
        }
    }

    static func fail(_ line: Int, _ message: String) -> SpecError {
        SpecError(stage: .parse, line: line, message: message)
    }
}
