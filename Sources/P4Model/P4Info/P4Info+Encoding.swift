// Renders a `P4Info` as a `ProtoMessage` tree (the inverse of `P4Info+Decoding.swift`), in p4info.proto field
// order, so that GetForwardingPipelineConfig can return exactly what was set, as text format or JSON.

extension P4Info {
    /// The P4Info as a message tree following `encoding`'s conventions (see `ProtoEncoding`); decoding the result
    /// with the same encoding gives back an equal P4Info.
    public func encoded(as encoding: ProtoEncoding) -> ProtoMessage {
        var out = ProtoMessageBuilder(encoding)
        out.message("pkg_info", pkgInfo.map { $0.encoded(encoding) })
        out.messages("tables", tables.map { $0.encoded(encoding) })
        out.messages("actions", actions.map { $0.encoded(encoding) })
        out.messages("action_profiles", actionProfiles.map { $0.encoded(encoding) })
        out.messages("counters", counters.map { $0.encoded(encoding) })
        out.messages("direct_counters", directCounters.map { $0.encoded(encoding) })
        out.messages("meters", meters.map { $0.encoded(encoding) })
        out.messages("direct_meters", directMeters.map { $0.encoded(encoding) })
        out.messages("controller_packet_metadata", controllerPacketMetadata.map { $0.encoded(encoding) })
        out.messages("value_sets", valueSets.map { $0.encoded(encoding) })
        out.messages("registers", registers.map { $0.encoded(encoding) })
        out.messages("digests", digests.map { $0.encoded(encoding) })
        out.messages("externs", externs.map { $0.encoded(encoding) })
        out.message("type_info", typeInfo.map { $0.encoded(encoding) })
        return out.message
    }

    /// The P4Info in protobuf text format (protoc's layout: two-space indentation, proto field order).
    public var textFormat: String { TextFormat.print(encoded(as: .textFormat)) }
}

extension ProtoMessageBuilder {
    mutating func annotations(_ value: some P4Annotated) {
        strings("annotations", value.annotations)
    }

    mutating func annotationLocations(_ value: some P4Annotated) {
        messages("annotation_locations", value.annotationLocations.map { $0.encoded(encoding) })
    }

    mutating func structuredAnnotations(_ value: some P4Annotated) {
        messages("structured_annotations", value.structuredAnnotations.map { $0.encoded(encoding) })
    }

    mutating func documentation(_ doc: P4Info.Documentation?) {
        guard let doc else { return }
        var out = ProtoMessageBuilder(encoding)
        out.string("brief", doc.brief)
        out.string("description", doc.description)
        message("doc", out.message)
    }

    mutating func namedType(_ protoName: String, _ named: P4NamedType?) {
        guard let named else { return }
        var out = ProtoMessageBuilder(encoding)
        out.string("name", named.name)
        message(protoName, out.message)
    }

    /// A message whose only field is one integer (`P4BitTypeSpec`, `SumOfMembers`, …).
    func single(_ protoName: String, _ value: Int32) -> ProtoMessage {
        var out = ProtoMessageBuilder(encoding)
        out.int32(protoName, value)
        return out.message
    }
}

extension P4Info.SourceLocation {
    func encoded(_ encoding: ProtoEncoding) -> ProtoMessage {
        var out = ProtoMessageBuilder(encoding)
        out.string("file", file)
        out.int32("line", line)
        out.int32("column", column)
        return out.message
    }
}

extension P4Info.Expression {
    func encoded(_ encoding: ProtoEncoding) -> ProtoMessage {
        var out = ProtoMessageBuilder(encoding)
        switch self {
        case .stringValue(let value): out.stringMember("string_value", value)
        case .int64Value(let value):
            out.add("int64_value", encoding == .json ? .string(Array(String(value).utf8)) : .integer(ProtoInteger(signed: value)))
        case .boolValue(let value): out.add("bool_value", .identifier(value ? "true" : "false"))
        }
        return out.message
    }
}

extension P4Info.StructuredAnnotation {
    func encoded(_ encoding: ProtoEncoding) -> ProtoMessage {
        var out = ProtoMessageBuilder(encoding)
        out.string("name", name)
        switch body {
        case nil: break
        case .expressionList(let expressions)?:
            var list = ProtoMessageBuilder(encoding)
            list.messages("expressions", expressions.map { $0?.encoded(encoding) ?? ProtoMessage() })
            out.message("expression_list", list.message)
        case .kvPairList(let pairs)?:
            var list = ProtoMessageBuilder(encoding)
            list.messages("kv_pairs", pairs.map { pair in
                var item = ProtoMessageBuilder(encoding)
                item.string("key", pair.key)
                item.message("value", pair.value?.encoded(encoding))
                return item.message
            })
            out.message("kv_pair_list", list.message)
        }
        out.message("source_location", sourceLocation?.encoded(encoding))
        return out.message
    }
}

extension P4Info.PkgInfo {
    func encoded(_ encoding: ProtoEncoding) -> ProtoMessage {
        var out = ProtoMessageBuilder(encoding)
        out.string("name", name)
        out.string("version", version)
        out.documentation(doc)
        out.annotations(self)
        out.string("arch", arch)
        out.string("organization", organization)
        out.string("contact", contact)
        out.string("url", url)
        out.structuredAnnotations(self)
        out.annotationLocations(self)
        if let properties = platformProperties {
            var inner = ProtoMessageBuilder(encoding)
            inner.int32("multicast_group_table_size", properties.multicastGroupTableSize)
            inner.int32("multicast_group_table_total_replicas", properties.multicastGroupTableTotalReplicas)
            inner.int32("multicast_group_table_max_replicas_per_entry", properties.multicastGroupTableMaxReplicasPerEntry)
            out.message("platform_properties", inner.message)
        }
        return out.message
    }
}

extension P4Info.Preamble {
    func encoded(_ encoding: ProtoEncoding) -> ProtoMessage {
        var out = ProtoMessageBuilder(encoding)
        out.uint32("id", id)
        out.string("name", name)
        out.string("alias", alias)
        out.annotations(self)
        out.documentation(doc)
        out.structuredAnnotations(self)
        out.annotationLocations(self)
        return out.message
    }
}

extension P4Info.MatchField {
    func encoded(_ encoding: ProtoEncoding) -> ProtoMessage {
        var out = ProtoMessageBuilder(encoding)
        out.uint32("id", id.rawValue)
        out.string("name", name)
        out.annotations(self)
        out.int32("bitwidth", bitwidth)
        switch match {
        case nil: break
        case .matchType(let type)?: out.enumMember("match_type", type)
        case .otherMatchType(let other)?: out.stringMember("other_match_type", other)
        }
        out.documentation(doc)
        out.namedType("type_name", typeName)
        out.structuredAnnotations(self)
        out.annotationLocations(self)
        return out.message
    }
}

extension P4Info.Table {
    func encoded(_ encoding: ProtoEncoding) -> ProtoMessage {
        var out = ProtoMessageBuilder(encoding)
        out.message("preamble", preamble.encoded(encoding))
        out.messages("match_fields", matchFields.map { $0.encoded(encoding) })
        out.messages("action_refs", actionRefs.map { ref in
            var item = ProtoMessageBuilder(encoding)
            item.uint32("id", ref.id.rawValue)
            item.annotations(ref)
            item.enumValue("scope", ref.scope)
            item.structuredAnnotations(ref)
            item.annotationLocations(ref)
            return item.message
        })
        out.uint32("const_default_action_id", constDefaultActionId.rawValue)
        if let call = initialDefaultAction {
            var item = ProtoMessageBuilder(encoding)
            item.uint32("action_id", call.actionId.rawValue)
            item.messages("arguments", call.arguments.map { argument in
                var inner = ProtoMessageBuilder(encoding)
                inner.uint32("param_id", argument.paramId.rawValue)
                inner.bytes("value", argument.value)
                return inner.message
            })
            out.message("initial_default_action", item.message)
        }
        out.uint32("implementation_id", implementationId)
        out.uint32s("direct_resource_ids", directResourceIds)
        out.int64("size", size)
        out.enumValue("idle_timeout_behavior", idleTimeoutBehavior)
        out.bool("is_const_table", isConstTable)
        out.bool("has_initial_entries", hasInitialEntries)
        out.any("other_properties", otherProperties)
        return out.message
    }
}

extension P4Info.Action {
    func encoded(_ encoding: ProtoEncoding) -> ProtoMessage {
        var out = ProtoMessageBuilder(encoding)
        out.message("preamble", preamble.encoded(encoding))
        out.messages("params", params.map { param in
            var item = ProtoMessageBuilder(encoding)
            item.uint32("id", param.id.rawValue)
            item.string("name", param.name)
            item.annotations(param)
            item.int32("bitwidth", param.bitwidth)
            item.documentation(param.doc)
            item.namedType("type_name", param.typeName)
            item.structuredAnnotations(param)
            item.annotationLocations(param)
            return item.message
        })
        return out.message
    }
}

extension P4Info.ActionProfile {
    func encoded(_ encoding: ProtoEncoding) -> ProtoMessage {
        var out = ProtoMessageBuilder(encoding)
        out.message("preamble", preamble.encoded(encoding))
        out.uint32s("table_ids", tableIds.map(\.rawValue))
        out.bool("with_selector", withSelector)
        out.int64("size", size)
        out.int32("max_group_size", maxGroupSize)
        switch selectorSizeSemantics {
        case nil: break
        case .sumOfWeights?: out.message("sum_of_weights", ProtoMessage())
        case .sumOfMembers(let weight)?: out.message("sum_of_members", out.single("max_member_weight", weight))
        }
        out.bool("weights_disallowed", weightsDisallowed)
        return out.message
    }
}

extension P4Info.CounterSpec {
    func encoded(_ encoding: ProtoEncoding) -> ProtoMessage {
        var out = ProtoMessageBuilder(encoding)
        out.enumValue("unit", unit)
        return out.message
    }
}

extension P4Info.MeterSpec {
    func encoded(_ encoding: ProtoEncoding) -> ProtoMessage {
        var out = ProtoMessageBuilder(encoding)
        out.enumValue("unit", unit)
        out.enumValue("type", type)
        return out.message
    }
}

extension P4Info.Counter {
    func encoded(_ encoding: ProtoEncoding) -> ProtoMessage {
        var out = ProtoMessageBuilder(encoding)
        out.message("preamble", preamble.encoded(encoding))
        out.message("spec", spec?.encoded(encoding))
        out.int64("size", size)
        out.namedType("index_type_name", indexTypeName)
        return out.message
    }
}

extension P4Info.DirectCounter {
    func encoded(_ encoding: ProtoEncoding) -> ProtoMessage {
        var out = ProtoMessageBuilder(encoding)
        out.message("preamble", preamble.encoded(encoding))
        out.message("spec", spec?.encoded(encoding))
        out.uint32("direct_table_id", directTableId.rawValue)
        return out.message
    }
}

extension P4Info.Meter {
    func encoded(_ encoding: ProtoEncoding) -> ProtoMessage {
        var out = ProtoMessageBuilder(encoding)
        out.message("preamble", preamble.encoded(encoding))
        out.message("spec", spec?.encoded(encoding))
        out.int64("size", size)
        out.namedType("index_type_name", indexTypeName)
        return out.message
    }
}

extension P4Info.DirectMeter {
    func encoded(_ encoding: ProtoEncoding) -> ProtoMessage {
        var out = ProtoMessageBuilder(encoding)
        out.message("preamble", preamble.encoded(encoding))
        out.message("spec", spec?.encoded(encoding))
        out.uint32("direct_table_id", directTableId.rawValue)
        return out.message
    }
}

extension P4Info.ControllerPacketMetadata {
    func encoded(_ encoding: ProtoEncoding) -> ProtoMessage {
        var out = ProtoMessageBuilder(encoding)
        out.message("preamble", preamble.encoded(encoding))
        out.messages("metadata", metadata.map { field in
            var item = ProtoMessageBuilder(encoding)
            item.uint32("id", field.id.rawValue)
            item.string("name", field.name)
            item.annotations(field)
            item.int32("bitwidth", field.bitwidth)
            item.namedType("type_name", field.typeName)
            item.structuredAnnotations(field)
            item.annotationLocations(field)
            return item.message
        })
        return out.message
    }
}

extension P4Info.ValueSet {
    func encoded(_ encoding: ProtoEncoding) -> ProtoMessage {
        var out = ProtoMessageBuilder(encoding)
        out.message("preamble", preamble.encoded(encoding))
        out.messages("match", match.map { $0.encoded(encoding) })
        out.int32("size", size)
        return out.message
    }
}

extension P4Info.Register {
    func encoded(_ encoding: ProtoEncoding) -> ProtoMessage {
        var out = ProtoMessageBuilder(encoding)
        out.message("preamble", preamble.encoded(encoding))
        out.message("type_spec", typeSpec?.encoded(encoding))
        out.int32("size", size)
        out.namedType("index_type_name", indexTypeName)
        return out.message
    }
}

extension P4Info.Digest {
    func encoded(_ encoding: ProtoEncoding) -> ProtoMessage {
        var out = ProtoMessageBuilder(encoding)
        out.message("preamble", preamble.encoded(encoding))
        out.message("type_spec", typeSpec?.encoded(encoding))
        return out.message
    }
}

extension P4Info.Extern {
    func encoded(_ encoding: ProtoEncoding) -> ProtoMessage {
        var out = ProtoMessageBuilder(encoding)
        out.uint32("extern_type_id", externTypeId.rawValue)
        out.string("extern_type_name", externTypeName)
        out.messages("instances", instances.map { instance in
            var item = ProtoMessageBuilder(encoding)
            item.message("preamble", instance.preamble.encoded(encoding))
            item.any("info", instance.info)
            return item.message
        })
        return out.message
    }
}
