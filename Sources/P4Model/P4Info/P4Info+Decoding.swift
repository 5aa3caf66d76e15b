// Builds a `P4Info` from a `ProtoMessage` tree. One `switch` per p4info.proto message keeps the schema readable
// next to the proto definition; this file is long because p4info.proto is.

extension P4Info {
    /// Parses P4Info protobuf text format (`p4info.txt`, `*.p4info.txtpb`).
    ///
    /// - Parameter source: a name for the input used in error messages (e.g. a file name).
    /// - Returns: the P4Info and non-fatal warnings (unknown fields, which are ignored).
    /// - Throws: INVALID_ARGUMENT with line and column for syntax errors, or the field path for schema errors.
    public static func decode(textFormat text: String, source: String? = nil) throws(P4RuntimeError)
        -> (p4info: P4Info, warnings: [String])
    {
        let message: ProtoMessage
        do {
            message = try TextFormat.parse(text)
        } catch {
            throw error.p4RuntimeError(source: source)
        }
        return try decode(message: message, encoding: .textFormat)
    }

    /// Builds a P4Info from a message tree (text format or JSON, per `encoding`).
    ///
    /// This only checks the shape against p4info.proto (field names, value kinds, ranges, oneofs); consistency
    /// (unique ids, references) is checked by `P4InfoIndex`.
    /// - Returns: the P4Info and warnings for unknown fields (which are ignored).
    /// - Throws: INVALID_ARGUMENT naming the field path (and line/column when the tree came from text).
    public static func decode(message: ProtoMessage, encoding: ProtoEncoding) throws(P4RuntimeError)
        -> (p4info: P4Info, warnings: [String])
    {
        var decoder = ProtoDecoder(encoding: encoding)
        let p4info = try P4Info(decoding: message, path: "", decoder: &decoder)
        return (p4info, decoder.warnings)
    }

    /// Parses P4Info text format, failing on the first error; warnings are dropped (use `decode` to see them).
    public init(textFormat text: String) throws(P4RuntimeError) {
        self = try P4Info.decode(textFormat: text).p4info
    }

    init(decoding message: ProtoMessage, path: String, decoder: inout ProtoDecoder) throws(P4RuntimeError) {
        self.init()
        for entry in decoder.entries(of: message, path: path) {
            switch entry.key {
            case "pkg_info": pkgInfo = try PkgInfo(decoding: try decoder.message(entry), path: entry.path, decoder: &decoder)
            case "tables":
                for element in try decoder.messages(entry) {
                    tables.append(try Table(decoding: element.message, path: element.path, decoder: &decoder))
                }
            case "actions":
                for element in try decoder.messages(entry) {
                    actions.append(try Action(decoding: element.message, path: element.path, decoder: &decoder))
                }
            case "action_profiles":
                for element in try decoder.messages(entry) {
                    actionProfiles.append(
                        try ActionProfile(decoding: element.message, path: element.path, decoder: &decoder))
                }
            case "counters":
                for element in try decoder.messages(entry) {
                    counters.append(try Counter(decoding: element.message, path: element.path, decoder: &decoder))
                }
            case "direct_counters":
                for element in try decoder.messages(entry) {
                    directCounters.append(
                        try DirectCounter(decoding: element.message, path: element.path, decoder: &decoder))
                }
            case "meters":
                for element in try decoder.messages(entry) {
                    meters.append(try Meter(decoding: element.message, path: element.path, decoder: &decoder))
                }
            case "direct_meters":
                for element in try decoder.messages(entry) {
                    directMeters.append(try DirectMeter(decoding: element.message, path: element.path, decoder: &decoder))
                }
            case "controller_packet_metadata":
                for element in try decoder.messages(entry) {
                    controllerPacketMetadata.append(
                        try ControllerPacketMetadata(decoding: element.message, path: element.path, decoder: &decoder))
                }
            case "value_sets":
                for element in try decoder.messages(entry) {
                    valueSets.append(try ValueSet(decoding: element.message, path: element.path, decoder: &decoder))
                }
            case "registers":
                for element in try decoder.messages(entry) {
                    registers.append(try Register(decoding: element.message, path: element.path, decoder: &decoder))
                }
            case "digests":
                for element in try decoder.messages(entry) {
                    digests.append(try Digest(decoding: element.message, path: element.path, decoder: &decoder))
                }
            case "externs":
                for element in try decoder.messages(entry) {
                    externs.append(try Extern(decoding: element.message, path: element.path, decoder: &decoder))
                }
            case "type_info":
                typeInfo = try P4TypeInfo(decoding: try decoder.message(entry), path: entry.path, decoder: &decoder)
            default: decoder.unknown(entry, in: "P4Info")
            }
        }
    }
}

/// Sets a oneof member, rejecting a second member of the same oneof.
func setOneof<T>(_ slot: inout T?, _ value: T, _ oneof: String, _ entry: ProtoEntry, _ decoder: ProtoDecoder)
    throws(P4RuntimeError)
{
    if slot != nil { throw decoder.error("more than one member of oneof '\(oneof)' is set", entry) }
    slot = value
}

extension ProtoDecoder {
    /// Decodes the three annotation fields of `P4Annotated` messages; returns false for any other field.
    mutating func annotation<T: P4Annotated>(_ entry: ProtoEntry, into value: inout T) throws(P4RuntimeError) -> Bool {
        switch entry.key {
        case "annotations":
            value.annotations += try strings(entry)
        case "annotation_locations":
            for element in try messages(entry) {
                value.annotationLocations.append(
                    try P4Info.SourceLocation(decoding: element.message, path: element.path, decoder: &self))
            }
        case "structured_annotations":
            for element in try messages(entry) {
                value.structuredAnnotations.append(
                    try P4Info.StructuredAnnotation(decoding: element.message, path: element.path, decoder: &self))
            }
        default:
            return false
        }
        return true
    }

    /// Decodes a `P4NamedType` message field.
    mutating func namedType(_ entry: ProtoEntry) throws(P4RuntimeError) -> P4NamedType {
        var named = P4NamedType()
        for field in entries(of: try message(entry), path: entry.path) {
            switch field.key {
            case "name": named.name = try string(field)
            default: unknown(field, in: "P4NamedType")
            }
        }
        return named
    }

    /// Decodes a `Documentation` message field.
    mutating func documentation(_ entry: ProtoEntry) throws(P4RuntimeError) -> P4Info.Documentation {
        var doc = P4Info.Documentation()
        for field in entries(of: try message(entry), path: entry.path) {
            switch field.key {
            case "brief": doc.brief = try string(field)
            case "description": doc.description = try string(field)
            default: unknown(field, in: "Documentation")
            }
        }
        return doc
    }
}

extension P4Info.SourceLocation {
    init(decoding message: ProtoMessage, path: String, decoder: inout ProtoDecoder) throws(P4RuntimeError) {
        self.init()
        for entry in decoder.entries(of: message, path: path) {
            switch entry.key {
            case "file": file = try decoder.string(entry)
            case "line": line = try decoder.int32(entry)
            case "column": column = try decoder.int32(entry)
            default: decoder.unknown(entry, in: "SourceLocation")
            }
        }
    }
}

extension P4Info.Expression {
    static func decode(_ message: ProtoMessage, path: String, decoder: inout ProtoDecoder) throws(P4RuntimeError)
        -> P4Info.Expression?
    {
        var result: P4Info.Expression?
        for entry in decoder.entries(of: message, path: path) {
            switch entry.key {
            case "string_value": try setOneof(&result, .stringValue(try decoder.string(entry)), "value", entry, decoder)
            case "int64_value": try setOneof(&result, .int64Value(try decoder.int64(entry)), "value", entry, decoder)
            case "bool_value": try setOneof(&result, .boolValue(try decoder.bool(entry)), "value", entry, decoder)
            default: decoder.unknown(entry, in: "Expression")
            }
        }
        return result
    }
}

extension P4Info.StructuredAnnotation {
    init(decoding message: ProtoMessage, path: String, decoder: inout ProtoDecoder) throws(P4RuntimeError) {
        self.init()
        for entry in decoder.entries(of: message, path: path) {
            switch entry.key {
            case "name": name = try decoder.string(entry)
            case "expression_list":
                var expressions: [P4Info.Expression?] = []
                for field in decoder.entries(of: try decoder.message(entry), path: entry.path) {
                    guard field.key == "expressions" else {
                        decoder.unknown(field, in: "ExpressionList")
                        continue
                    }
                    for element in try decoder.messages(field) {
                        expressions.append(try P4Info.Expression.decode(element.message, path: element.path, decoder: &decoder))
                    }
                }
                try setOneof(&body, .expressionList(expressions), "body", entry, decoder)
            case "kv_pair_list":
                var pairs: [P4Info.KeyValuePair] = []
                for field in decoder.entries(of: try decoder.message(entry), path: entry.path) {
                    guard field.key == "kv_pairs" else {
                        decoder.unknown(field, in: "KeyValuePairList")
                        continue
                    }
                    for element in try decoder.messages(field) {
                        var pair = P4Info.KeyValuePair()
                        for item in decoder.entries(of: element.message, path: element.path) {
                            switch item.key {
                            case "key": pair.key = try decoder.string(item)
                            case "value":
                                pair.value = try P4Info.Expression.decode(
                                    try decoder.message(item), path: item.path, decoder: &decoder)
                            default: decoder.unknown(item, in: "KeyValuePair")
                            }
                        }
                        pairs.append(pair)
                    }
                }
                try setOneof(&body, .kvPairList(pairs), "body", entry, decoder)
            case "source_location":
                sourceLocation = try P4Info.SourceLocation(
                    decoding: try decoder.message(entry), path: entry.path, decoder: &decoder)
            default: decoder.unknown(entry, in: "StructuredAnnotation")
            }
        }
    }
}

extension P4Info.PkgInfo {
    init(decoding message: ProtoMessage, path: String, decoder: inout ProtoDecoder) throws(P4RuntimeError) {
        self.init()
        for entry in decoder.entries(of: message, path: path) {
            if try decoder.annotation(entry, into: &self) { continue }
            switch entry.key {
            case "name": name = try decoder.string(entry)
            case "version": version = try decoder.string(entry)
            case "doc": doc = try decoder.documentation(entry)
            case "arch": arch = try decoder.string(entry)
            case "organization": organization = try decoder.string(entry)
            case "contact": contact = try decoder.string(entry)
            case "url": url = try decoder.string(entry)
            case "platform_properties":
                var properties = P4Info.PlatformProperties()
                for field in decoder.entries(of: try decoder.message(entry), path: entry.path) {
                    switch field.key {
                    case "multicast_group_table_size": properties.multicastGroupTableSize = try decoder.int32(field)
                    case "multicast_group_table_total_replicas":
                        properties.multicastGroupTableTotalReplicas = try decoder.int32(field)
                    case "multicast_group_table_max_replicas_per_entry":
                        properties.multicastGroupTableMaxReplicasPerEntry = try decoder.int32(field)
                    default: decoder.unknown(field, in: "PlatformProperties")
                    }
                }
                platformProperties = properties
            default: decoder.unknown(entry, in: "PkgInfo")
            }
        }
    }
}

extension P4Info.Preamble {
    init(decoding message: ProtoMessage, path: String, decoder: inout ProtoDecoder) throws(P4RuntimeError) {
        self.init()
        for entry in decoder.entries(of: message, path: path) {
            if try decoder.annotation(entry, into: &self) { continue }
            switch entry.key {
            case "id": id = try decoder.uint32(entry)
            case "name": name = try decoder.string(entry)
            case "alias": alias = try decoder.string(entry)
            case "doc": doc = try decoder.documentation(entry)
            default: decoder.unknown(entry, in: "Preamble")
            }
        }
    }
}

extension ProtoDecoder {
    /// Decodes a `preamble` field.
    mutating func preamble(_ entry: ProtoEntry) throws(P4RuntimeError) -> P4Info.Preamble {
        try P4Info.Preamble(decoding: try message(entry), path: entry.path, decoder: &self)
    }
}

extension P4Info.MatchField {
    init(decoding message: ProtoMessage, path: String, decoder: inout ProtoDecoder) throws(P4RuntimeError) {
        self.init()
        for entry in decoder.entries(of: message, path: path) {
            if try decoder.annotation(entry, into: &self) { continue }
            switch entry.key {
            case "id": id = MatchFieldID(try decoder.uint32(entry))
            case "name": name = try decoder.string(entry)
            case "bitwidth": bitwidth = try decoder.int32(entry)
            case "match_type":
                try setOneof(&match, .matchType(try decoder.enumValue(MatchType.self, entry)), "match", entry, decoder)
            case "other_match_type":
                try setOneof(&match, .otherMatchType(try decoder.string(entry)), "match", entry, decoder)
            case "doc": doc = try decoder.documentation(entry)
            case "type_name": typeName = try decoder.namedType(entry)
            default: decoder.unknown(entry, in: "MatchField")
            }
        }
    }
}

extension P4Info.Table {
    init(decoding message: ProtoMessage, path: String, decoder: inout ProtoDecoder) throws(P4RuntimeError) {
        self.init()
        for entry in decoder.entries(of: message, path: path) {
            switch entry.key {
            case "preamble": preamble = try decoder.preamble(entry)
            case "match_fields":
                for element in try decoder.messages(entry) {
                    matchFields.append(try P4Info.MatchField(decoding: element.message, path: element.path, decoder: &decoder))
                }
            case "action_refs":
                for element in try decoder.messages(entry) {
                    actionRefs.append(try P4Info.ActionRef(decoding: element.message, path: element.path, decoder: &decoder))
                }
            case "const_default_action_id": constDefaultActionId = ActionID(try decoder.uint32(entry))
            case "initial_default_action":
                initialDefaultAction = try P4Info.TableActionCall(
                    decoding: try decoder.message(entry), path: entry.path, decoder: &decoder)
            case "implementation_id": implementationId = try decoder.uint32(entry)
            case "direct_resource_ids": directResourceIds += try decoder.uint32s(entry)
            case "size": size = try decoder.int64(entry)
            case "idle_timeout_behavior": idleTimeoutBehavior = try decoder.enumValue(IdleTimeoutBehavior.self, entry)
            case "is_const_table": isConstTable = try decoder.bool(entry)
            case "has_initial_entries": hasInitialEntries = try decoder.bool(entry)
            case "other_properties": otherProperties = try decoder.any(entry)
            default: decoder.unknown(entry, in: "Table")
            }
        }
    }
}

extension P4Info.ActionRef {
    init(decoding message: ProtoMessage, path: String, decoder: inout ProtoDecoder) throws(P4RuntimeError) {
        self.init()
        for entry in decoder.entries(of: message, path: path) {
            if try decoder.annotation(entry, into: &self) { continue }
            switch entry.key {
            case "id": id = ActionID(try decoder.uint32(entry))
            case "scope": scope = try decoder.enumValue(Scope.self, entry)
            default: decoder.unknown(entry, in: "ActionRef")
            }
        }
    }
}

extension P4Info.TableActionCall {
    init(decoding message: ProtoMessage, path: String, decoder: inout ProtoDecoder) throws(P4RuntimeError) {
        self.init()
        for entry in decoder.entries(of: message, path: path) {
            switch entry.key {
            case "action_id": actionId = ActionID(try decoder.uint32(entry))
            case "arguments":
                for element in try decoder.messages(entry) {
                    var argument = Argument()
                    for field in decoder.entries(of: element.message, path: element.path) {
                        switch field.key {
                        case "param_id": argument.paramId = ActionParamID(try decoder.uint32(field))
                        case "value": argument.value = try decoder.bytes(field)
                        default: decoder.unknown(field, in: "TableActionCall.Argument")
                        }
                    }
                    arguments.append(argument)
                }
            default: decoder.unknown(entry, in: "TableActionCall")
            }
        }
    }
}

extension P4Info.Action {
    init(decoding message: ProtoMessage, path: String, decoder: inout ProtoDecoder) throws(P4RuntimeError) {
        self.init()
        for entry in decoder.entries(of: message, path: path) {
            switch entry.key {
            case "preamble": preamble = try decoder.preamble(entry)
            case "params":
                for element in try decoder.messages(entry) {
                    var param = Param()
                    for field in decoder.entries(of: element.message, path: element.path) {
                        if try decoder.annotation(field, into: &param) { continue }
                        switch field.key {
                        case "id": param.id = ActionParamID(try decoder.uint32(field))
                        case "name": param.name = try decoder.string(field)
                        case "bitwidth": param.bitwidth = try decoder.int32(field)
                        case "doc": param.doc = try decoder.documentation(field)
                        case "type_name": param.typeName = try decoder.namedType(field)
                        default: decoder.unknown(field, in: "Action.Param")
                        }
                    }
                    params.append(param)
                }
            default: decoder.unknown(entry, in: "Action")
            }
        }
    }
}

extension P4Info.ActionProfile {
    init(decoding message: ProtoMessage, path: String, decoder: inout ProtoDecoder) throws(P4RuntimeError) {
        self.init()
        for entry in decoder.entries(of: message, path: path) {
            switch entry.key {
            case "preamble": preamble = try decoder.preamble(entry)
            case "table_ids": tableIds += try decoder.uint32s(entry).map(TableID.init)
            case "with_selector": withSelector = try decoder.bool(entry)
            case "size": size = try decoder.int64(entry)
            case "max_group_size": maxGroupSize = try decoder.int32(entry)
            case "sum_of_weights":
                for field in decoder.entries(of: try decoder.message(entry), path: entry.path) {
                    decoder.unknown(field, in: "ActionProfile.SumOfWeights")
                }
                try setOneof(&selectorSizeSemantics, .sumOfWeights, "selector_size_semantics", entry, decoder)
            case "sum_of_members":
                var maxMemberWeight: Int32 = 0
                for field in decoder.entries(of: try decoder.message(entry), path: entry.path) {
                    switch field.key {
                    case "max_member_weight": maxMemberWeight = try decoder.int32(field)
                    default: decoder.unknown(field, in: "ActionProfile.SumOfMembers")
                    }
                }
                try setOneof(&selectorSizeSemantics, .sumOfMembers(maxMemberWeight: maxMemberWeight),
                    "selector_size_semantics", entry, decoder)
            case "weights_disallowed": weightsDisallowed = try decoder.bool(entry)
            default: decoder.unknown(entry, in: "ActionProfile")
            }
        }
    }
}

extension P4Info.CounterSpec {
    init(decoding entry: ProtoEntry, decoder: inout ProtoDecoder) throws(P4RuntimeError) {
        self.init()
        for field in decoder.entries(of: try decoder.message(entry), path: entry.path) {
            switch field.key {
            case "unit": unit = try decoder.enumValue(Unit.self, field)
            default: decoder.unknown(field, in: "CounterSpec")
            }
        }
    }
}

extension P4Info.MeterSpec {
    init(decoding entry: ProtoEntry, decoder: inout ProtoDecoder) throws(P4RuntimeError) {
        self.init()
        for field in decoder.entries(of: try decoder.message(entry), path: entry.path) {
            switch field.key {
            case "unit": unit = try decoder.enumValue(Unit.self, field)
            case "type": type = try decoder.enumValue(MeterType.self, field)
            default: decoder.unknown(field, in: "MeterSpec")
            }
        }
    }
}

extension P4Info.Counter {
    init(decoding message: ProtoMessage, path: String, decoder: inout ProtoDecoder) throws(P4RuntimeError) {
        self.init()
        for entry in decoder.entries(of: message, path: path) {
            switch entry.key {
            case "preamble": preamble = try decoder.preamble(entry)
            case "spec": spec = try P4Info.CounterSpec(decoding: entry, decoder: &decoder)
            case "size": size = try decoder.int64(entry)
            case "index_type_name": indexTypeName = try decoder.namedType(entry)
            default: decoder.unknown(entry, in: "Counter")
            }
        }
    }
}

extension P4Info.DirectCounter {
    init(decoding message: ProtoMessage, path: String, decoder: inout ProtoDecoder) throws(P4RuntimeError) {
        self.init()
        for entry in decoder.entries(of: message, path: path) {
            switch entry.key {
            case "preamble": preamble = try decoder.preamble(entry)
            case "spec": spec = try P4Info.CounterSpec(decoding: entry, decoder: &decoder)
            case "direct_table_id": directTableId = TableID(try decoder.uint32(entry))
            default: decoder.unknown(entry, in: "DirectCounter")
            }
        }
    }
}

extension P4Info.Meter {
    init(decoding message: ProtoMessage, path: String, decoder: inout ProtoDecoder) throws(P4RuntimeError) {
        self.init()
        for entry in decoder.entries(of: message, path: path) {
            switch entry.key {
            case "preamble": preamble = try decoder.preamble(entry)
            case "spec": spec = try P4Info.MeterSpec(decoding: entry, decoder: &decoder)
            case "size": size = try decoder.int64(entry)
            case "index_type_name": indexTypeName = try decoder.namedType(entry)
            default: decoder.unknown(entry, in: "Meter")
            }
        }
    }
}

extension P4Info.DirectMeter {
    init(decoding message: ProtoMessage, path: String, decoder: inout ProtoDecoder) throws(P4RuntimeError) {
        self.init()
        for entry in decoder.entries(of: message, path: path) {
            switch entry.key {
            case "preamble": preamble = try decoder.preamble(entry)
            case "spec": spec = try P4Info.MeterSpec(decoding: entry, decoder: &decoder)
            case "direct_table_id": directTableId = TableID(try decoder.uint32(entry))
            default: decoder.unknown(entry, in: "DirectMeter")
            }
        }
    }
}

extension P4Info.ControllerPacketMetadata {
    init(decoding message: ProtoMessage, path: String, decoder: inout ProtoDecoder) throws(P4RuntimeError) {
        self.init()
        for entry in decoder.entries(of: message, path: path) {
            switch entry.key {
            case "preamble": preamble = try decoder.preamble(entry)
            case "metadata":
                for element in try decoder.messages(entry) {
                    var field = Metadata()
                    for item in decoder.entries(of: element.message, path: element.path) {
                        if try decoder.annotation(item, into: &field) { continue }
                        switch item.key {
                        case "id": field.id = MetadataID(try decoder.uint32(item))
                        case "name": field.name = try decoder.string(item)
                        case "bitwidth": field.bitwidth = try decoder.int32(item)
                        case "type_name": field.typeName = try decoder.namedType(item)
                        default: decoder.unknown(item, in: "ControllerPacketMetadata.Metadata")
                        }
                    }
                    metadata.append(field)
                }
            default: decoder.unknown(entry, in: "ControllerPacketMetadata")
            }
        }
    }
}

extension P4Info.ValueSet {
    init(decoding message: ProtoMessage, path: String, decoder: inout ProtoDecoder) throws(P4RuntimeError) {
        self.init()
        for entry in decoder.entries(of: message, path: path) {
            switch entry.key {
            case "preamble": preamble = try decoder.preamble(entry)
            case "match":
                for element in try decoder.messages(entry) {
                    match.append(try P4Info.MatchField(decoding: element.message, path: element.path, decoder: &decoder))
                }
            case "size": size = try decoder.int32(entry)
            default: decoder.unknown(entry, in: "ValueSet")
            }
        }
    }
}

extension P4Info.Register {
    init(decoding message: ProtoMessage, path: String, decoder: inout ProtoDecoder) throws(P4RuntimeError) {
        self.init()
        for entry in decoder.entries(of: message, path: path) {
            switch entry.key {
            case "preamble": preamble = try decoder.preamble(entry)
            case "type_spec": typeSpec = try P4DataTypeSpec(decoding: try decoder.message(entry), path: entry.path, decoder: &decoder)
            case "size": size = try decoder.int32(entry)
            case "index_type_name": indexTypeName = try decoder.namedType(entry)
            default: decoder.unknown(entry, in: "Register")
            }
        }
    }
}

extension P4Info.Digest {
    init(decoding message: ProtoMessage, path: String, decoder: inout ProtoDecoder) throws(P4RuntimeError) {
        self.init()
        for entry in decoder.entries(of: message, path: path) {
            switch entry.key {
            case "preamble": preamble = try decoder.preamble(entry)
            case "type_spec": typeSpec = try P4DataTypeSpec(decoding: try decoder.message(entry), path: entry.path, decoder: &decoder)
            default: decoder.unknown(entry, in: "Digest")
            }
        }
    }
}

extension P4Info.Extern {
    init(decoding message: ProtoMessage, path: String, decoder: inout ProtoDecoder) throws(P4RuntimeError) {
        self.init()
        for entry in decoder.entries(of: message, path: path) {
            switch entry.key {
            case "extern_type_id": externTypeId = ExternTypeID(try decoder.uint32(entry))
            case "extern_type_name": externTypeName = try decoder.string(entry)
            case "instances":
                for element in try decoder.messages(entry) {
                    var instance = P4Info.ExternInstance()
                    for field in decoder.entries(of: element.message, path: element.path) {
                        switch field.key {
                        case "preamble": instance.preamble = try decoder.preamble(field)
                        case "info": instance.info = try decoder.any(field)
                        default: decoder.unknown(field, in: "ExternInstance")
                        }
                    }
                    instances.append(instance)
                }
            default: decoder.unknown(entry, in: "Extern")
            }
        }
    }
}
