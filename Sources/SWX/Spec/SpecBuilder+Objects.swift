extension SpecBuilder {
    mutating func configureExternObject(_ object: SpecDocument.ExternObject) throws(SpecError) {
        guard let typeIndex = options.externTypes.firstIndex(where: { $0.name == object.typeName }) else {
            throw Self.config(object.line, "extobj \(object.name): extern type '\(object.typeName)' is not registered")
        }
        guard !externObjects.contains(where: { $0.name == object.name }) else {
            throw Self.config(object.line, "extobj \(object.name): an extern object with this name already exists")
        }
        let mailboxIndex = structs.count
        structs.append(options.externTypes[typeIndex].mailbox)
        externObjects.append(.init(index: externObjects.count, name: object.name, typeIndex: typeIndex,
                                   mailboxStructIndex: mailboxIndex, pragma: object.pragma, line: object.line))
    }

    mutating func configureRegisterArray(_ array: SpecDocument.RegisterArray) throws(SpecError) {
        guard !registerArrays.contains(where: { $0.name == array.name }) else {
            throw Self.config(array.line, "regarray \(array.name): a register array with this name already exists")
        }
        registerArrays.append(.init(index: registerArrays.count, name: array.name, size: Int(array.size),
                                    initialValue: array.initialValue, line: array.line))
    }

    mutating func configureRSS(_ rss: SpecDocument.RSSObject) throws(SpecError) {
        guard !rssObjects.contains(where: { $0.name == rss.name }) else {
            throw Self.config(rss.line, "rss \(rss.name): an rss object with this name already exists")
        }
        rssObjects.append(.init(index: rssObjects.count, name: rss.name, line: rss.line))
    }

    mutating func configureMeterArray(_ array: SpecDocument.MeterArray) throws(SpecError) {
        guard !meterArrays.contains(where: { $0.name == array.name }) else {
            throw Self.config(array.line, "metarray \(array.name): a meter array with this name already exists")
        }
        meterArrays.append(.init(index: meterArrays.count, name: array.name, size: Int(array.size),
                                 line: array.line))
    }

    mutating func configureStruct(_ declaration: SpecDocument.Struct) throws(SpecError) {
        guard !declaration.fields.isEmpty else {
            throw Self.config(declaration.line, "struct \(declaration.name) has no fields")
        }
        var fields: [SpecField] = []
        var offset = 0
        for field in declaration.fields {
            // DPDK would accept absurd widths (bit<-8> wraps to 2^32 - 8) and then fail or misbehave at run time;
            // p4rtd bounds them so no later stage allocates gigabytes.
            guard field.bitWidth <= SpecStruct.maximumFieldBitWidth else {
                throw Self.config(field.line, "struct \(declaration.name): field '\(field.name)' is \(field.bitWidth) "
                    + "bits wide; p4rtd supports at most \(SpecStruct.maximumFieldBitWidth)")
            }
            if fields.contains(where: { $0.name == field.name }) {
                throw Self.config(field.line, "struct \(declaration.name): duplicate field '\(field.name)'")
            }
            fields.append(.init(name: field.name, bitWidth: field.bitWidth, byteOffset: offset,
                                isVarbit: field.isVarbit))
            offset += field.bitWidth / 8
        }
        guard structIndex(named: declaration.name) == nil else {
            throw Self.config(declaration.line, "struct \(declaration.name): a struct with this name already exists")
        }
        structs.append(.init(name: declaration.name, fields: fields, line: declaration.line))
    }

    mutating func configureHeader(_ header: SpecDocument.Header) throws(SpecError) {
        guard headerIndex(named: header.name) == nil else {
            throw Self.config(header.line, "header \(header.name): a header with this name already exists")
        }
        guard let structIndex = structIndex(named: header.structName) else {
            throw Self.config(header.line, "header \(header.name): struct '\(header.structName)' is not declared")
        }
        guard headers.count < 64 else {
            throw Self.config(header.line, "header \(header.name): more than 64 headers (the valid mask has 64 bits)")
        }
        headers.append(.init(index: headers.count, name: header.name, structIndex: structIndex, line: header.line))
    }

    mutating func configureMetadata(_ metadata: SpecDocument.Metadata) throws(SpecError) {
        guard let index = structIndex(named: metadata.structName) else {
            throw Self.config(metadata.line, "metadata: struct '\(metadata.structName)' is not declared")
        }
        guard !structs[index].hasVarbitField else {
            throw Self.config(metadata.line, "metadata: struct '\(metadata.structName)' has a varbit field")
        }
        guard metadataStructIndex == nil else {
            throw Self.config(metadata.line, "metadata: a second metadata statement (only one is allowed)")
        }
        metadataStructIndex = index
    }

    mutating func configureAction(_ action: SpecDocument.Action) throws(SpecError) {
        guard actionIndex(named: action.name) == nil else {
            throw Self.config(action.line, "action \(action.name): an action with this name already exists")
        }
        var argumentsStructIndex: Int?
        if let name = action.argumentsStructName {
            guard let index = structIndex(named: name) else {
                throw Self.config(action.line, "action \(action.name): args struct '\(name)' is not declared")
            }
            guard !structs[index].hasVarbitField else {
                throw Self.config(action.line, "action \(action.name): args struct '\(name)' has a varbit field")
            }
            argumentsStructIndex = index
        }
        let argumentCount = argumentsStructIndex.map { structs[$0].fields.count } ?? 0
        var translated = SpecAction(index: actions.count, name: action.name,
                                    argumentsStructIndex: argumentsStructIndex,
                                    argumentIsNetworkByteOrder: Array(repeating: false, count: argumentCount),
                                    body: SpecInstructionBlock(instructions: [], lines: [], labels: [:]),
                                    line: action.line)
        var translator = SpecTranslator(builder: self, action: translated)
        translated.body = try translator.translate(action.instructions, blockLine: action.line,
                                                   blockName: "action \(action.name)")
        translated.argumentIsNetworkByteOrder = SpecTranslator.networkByteOrderArguments(
            of: translated, structs: structs, headers: headers)
        translated.body = SpecTranslator.applyArgumentByteOrder(translated.argumentIsNetworkByteOrder,
                                                                to: translated.body)
        actions.append(translated)
    }

    mutating func configureApply(_ block: SpecDocument.Apply) throws(SpecError) {
        var translator = SpecTranslator(builder: self, action: nil)
        apply = try translator.translate(block.instructions, blockLine: block.line, blockName: "apply")
        applyLine = block.line
    }
}
