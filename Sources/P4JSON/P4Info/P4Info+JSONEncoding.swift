// P4Info → proto3 JSON, one function per p4info.proto / p4types.proto message. This file is long because the
// schema is; keeping it in one place mirrors P4Model's decoder and makes omissions easy to spot side by side.
import JSONCore
import P4Model

extension P4Info {
    /// Writes the P4Info as proto3 JSON (lowerCamelCase keys, defaults omitted, `typeInfo` maps as objects with
    /// keys in sorted order), as carried in `GetForwardingPipelineConfigResponse.config.p4info`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if let pkgInfo { w.key("pkgInfo"); P4InfoWriter.pkgInfo(pkgInfo, &w) }
        P4InfoWriter.list("tables", tables, &w, P4InfoWriter.table)
        P4InfoWriter.list("actions", actions, &w, P4InfoWriter.action)
        P4InfoWriter.list("actionProfiles", actionProfiles, &w, P4InfoWriter.actionProfile)
        P4InfoWriter.list("counters", counters, &w, P4InfoWriter.counter)
        P4InfoWriter.list("directCounters", directCounters, &w, P4InfoWriter.directCounter)
        P4InfoWriter.list("meters", meters, &w, P4InfoWriter.meter)
        P4InfoWriter.list("directMeters", directMeters, &w, P4InfoWriter.directMeter)
        P4InfoWriter.list("controllerPacketMetadata", controllerPacketMetadata, &w, P4InfoWriter.packetMetadata)
        P4InfoWriter.list("valueSets", valueSets, &w, P4InfoWriter.valueSet)
        P4InfoWriter.list("registers", registers, &w, P4InfoWriter.register)
        P4InfoWriter.list("digests", digests, &w, P4InfoWriter.digest)
        P4InfoWriter.list("externs", externs, &w, P4InfoWriter.extern)
        if let typeInfo { w.key("typeInfo"); P4InfoWriter.typeInfo(typeInfo, &w) }
        w.endObject()
    }

    /// The P4Info's compact proto3 JSON.
    public var protoJSON: [UInt8] {
        var writer = JSONWriter(style: .compact, reservingCapacity: 4096)
        encode(to: &writer)
        return writer.take()
    }
}

/// The per-message writers behind `P4Info.encode(to:)`.
enum P4InfoWriter {
    static func list<T>(_ key: String, _ items: [T], _ w: inout JSONWriter, _ body: (T, inout JSONWriter) -> Void) {
        guard !items.isEmpty else { return }
        w.key(key)
        w.beginArray()
        for item in items { body(item, &w) }
        w.endArray()
    }

    static func strings(_ key: String, _ items: [String], _ w: inout JSONWriter) {
        guard !items.isEmpty else { return }
        w.key(key)
        w.beginArray()
        for item in items { w.string(item) }
        w.endArray()
    }

    static func text(_ key: String, _ value: String, _ w: inout JSONWriter) {
        if !value.isEmpty { w.key(key); w.string(value) }
    }

    static func int32(_ key: String, _ value: Int32, _ w: inout JSONWriter) {
        if value != 0 { w.key(key); w.integer(Int64(value)) }
    }

    static func uint32(_ key: String, _ value: UInt32, _ w: inout JSONWriter) {
        if value != 0 { w.key(key); w.integer(Int64(value)) }
    }

    static func int64(_ key: String, _ value: Int64, _ w: inout JSONWriter) {
        if value != 0 { w.key(key); w.int64String(value) }
    }

    static func flag(_ key: String, _ value: Bool, _ w: inout JSONWriter) {
        if value { w.key(key); w.bool(true) }
    }

    static func annotations(_ item: some P4Annotated, _ w: inout JSONWriter) {
        strings("annotations", item.annotations, &w)
        list("annotationLocations", item.annotationLocations, &w, sourceLocation)
        list("structuredAnnotations", item.structuredAnnotations, &w, structuredAnnotation)
    }

    static func documentation(_ doc: P4Info.Documentation?, _ w: inout JSONWriter) {
        guard let doc else { return }
        w.key("doc")
        w.beginObject()
        text("brief", doc.brief, &w)
        text("description", doc.description, &w)
        w.endObject()
    }

    static func sourceLocation(_ location: P4Info.SourceLocation, _ w: inout JSONWriter) {
        w.beginObject()
        text("file", location.file, &w)
        int32("line", location.line, &w)
        int32("column", location.column, &w)
        w.endObject()
    }

    static func expression(_ expression: P4Info.Expression?, _ w: inout JSONWriter) {
        w.beginObject()
        switch expression {
        case nil: break
        case .stringValue(let value): w.key("stringValue"); w.string(value)
        case .int64Value(let value): w.key("int64Value"); w.int64String(value)
        case .boolValue(let value): w.key("boolValue"); w.bool(value)
        }
        w.endObject()
    }

    static func structuredAnnotation(_ annotation: P4Info.StructuredAnnotation, _ w: inout JSONWriter) {
        w.beginObject()
        text("name", annotation.name, &w)
        switch annotation.body {
        case nil: break
        case .expressionList(let expressions):
            w.key("expressionList")
            w.beginObject()
            list("expressions", expressions, &w, expression)
            w.endObject()
        case .kvPairList(let pairs):
            w.key("kvPairList")
            w.beginObject()
            list("kvPairs", pairs, &w) { pair, w in
                w.beginObject()
                text("key", pair.key, &w)
                if let value = pair.value { w.key("value"); expression(value, &w) }
                w.endObject()
            }
            w.endObject()
        }
        if let location = annotation.sourceLocation { w.key("sourceLocation"); sourceLocation(location, &w) }
        w.endObject()
    }

    static func pkgInfo(_ info: P4Info.PkgInfo, _ w: inout JSONWriter) {
        w.beginObject()
        text("name", info.name, &w)
        text("version", info.version, &w)
        documentation(info.doc, &w)
        strings("annotations", info.annotations, &w)
        text("arch", info.arch, &w)
        text("organization", info.organization, &w)
        text("contact", info.contact, &w)
        text("url", info.url, &w)
        list("structuredAnnotations", info.structuredAnnotations, &w, structuredAnnotation)
        list("annotationLocations", info.annotationLocations, &w, sourceLocation)
        if let platform = info.platformProperties {
            w.key("platformProperties")
            w.beginObject()
            int32("multicastGroupTableSize", platform.multicastGroupTableSize, &w)
            int32("multicastGroupTableTotalReplicas", platform.multicastGroupTableTotalReplicas, &w)
            int32("multicastGroupTableMaxReplicasPerEntry", platform.multicastGroupTableMaxReplicasPerEntry, &w)
            w.endObject()
        }
        w.endObject()
    }

    static func preamble(_ preamble: P4Info.Preamble, _ w: inout JSONWriter) {
        w.key("preamble")
        w.beginObject()
        uint32("id", preamble.id, &w)
        text("name", preamble.name, &w)
        text("alias", preamble.alias, &w)
        strings("annotations", preamble.annotations, &w)
        documentation(preamble.doc, &w)
        list("structuredAnnotations", preamble.structuredAnnotations, &w, structuredAnnotation)
        list("annotationLocations", preamble.annotationLocations, &w, sourceLocation)
        w.endObject()
    }

    static func namedType(_ key: String, _ type: P4NamedType?, _ w: inout JSONWriter) {
        guard let type else { return }
        w.key(key)
        w.beginObject()
        text("name", type.name, &w)
        w.endObject()
    }

    static func matchField(_ field: P4Info.MatchField, _ w: inout JSONWriter) {
        w.beginObject()
        uint32("id", field.id.rawValue, &w)
        text("name", field.name, &w)
        strings("annotations", field.annotations, &w)
        int32("bitwidth", field.bitwidth, &w)
        switch field.match {
        case nil: break
        case .matchType(let type): w.key("matchType"); w.enumValue(type)
        case .otherMatchType(let name): w.key("otherMatchType"); w.string(name)
        }
        documentation(field.doc, &w)
        list("annotationLocations", field.annotationLocations, &w, sourceLocation)
        namedType("typeName", field.typeName, &w)
        list("structuredAnnotations", field.structuredAnnotations, &w, structuredAnnotation)
        w.endObject()
    }

    static func table(_ table: P4Info.Table, _ w: inout JSONWriter) {
        w.beginObject()
        preamble(table.preamble, &w)
        list("matchFields", table.matchFields, &w, matchField)
        list("actionRefs", table.actionRefs, &w) { ref, w in
            w.beginObject()
            uint32("id", ref.id.rawValue, &w)
            strings("annotations", ref.annotations, &w)
            if ref.scope.rawValue != 0 { w.key("scope"); w.enumValue(ref.scope) }
            list("structuredAnnotations", ref.structuredAnnotations, &w, structuredAnnotation)
            list("annotationLocations", ref.annotationLocations, &w, sourceLocation)
            w.endObject()
        }
        uint32("constDefaultActionId", table.constDefaultActionId.rawValue, &w)
        if let call = table.initialDefaultAction {
            w.key("initialDefaultAction")
            w.beginObject()
            uint32("actionId", call.actionId.rawValue, &w)
            list("arguments", call.arguments, &w) { argument, w in
                w.beginObject()
                uint32("paramId", argument.paramId.rawValue, &w)
                if !argument.value.isEmpty { w.key("value"); w.base64(argument.value) }
                w.endObject()
            }
            w.endObject()
        }
        uint32("implementationId", table.implementationId, &w)
        if !table.directResourceIds.isEmpty {
            w.key("directResourceIds")
            w.beginArray()
            for id in table.directResourceIds { w.integer(Int64(id)) }
            w.endArray()
        }
        int64("size", table.size, &w)
        if table.idleTimeoutBehavior.rawValue != 0 {
            w.key("idleTimeoutBehavior")
            w.enumValue(table.idleTimeoutBehavior)
        }
        flag("isConstTable", table.isConstTable, &w)
        flag("hasInitialEntries", table.hasInitialEntries, &w)
        if let other = table.otherProperties { w.key("otherProperties"); other.encode(to: &w) }
        w.endObject()
    }

    static func action(_ action: P4Info.Action, _ w: inout JSONWriter) {
        w.beginObject()
        preamble(action.preamble, &w)
        list("params", action.params, &w) { param, w in
            w.beginObject()
            uint32("id", param.id.rawValue, &w)
            text("name", param.name, &w)
            strings("annotations", param.annotations, &w)
            int32("bitwidth", param.bitwidth, &w)
            documentation(param.doc, &w)
            namedType("typeName", param.typeName, &w)
            list("structuredAnnotations", param.structuredAnnotations, &w, structuredAnnotation)
            list("annotationLocations", param.annotationLocations, &w, sourceLocation)
            w.endObject()
        }
        w.endObject()
    }

    static func actionProfile(_ profile: P4Info.ActionProfile, _ w: inout JSONWriter) {
        w.beginObject()
        preamble(profile.preamble, &w)
        if !profile.tableIds.isEmpty {
            w.key("tableIds")
            w.beginArray()
            for id in profile.tableIds { w.integer(Int64(id.rawValue)) }
            w.endArray()
        }
        flag("withSelector", profile.withSelector, &w)
        int64("size", profile.size, &w)
        int32("maxGroupSize", profile.maxGroupSize, &w)
        switch profile.selectorSizeSemantics {
        case nil: break
        case .sumOfWeights:
            w.key("sumOfWeights")
            w.beginObject()
            w.endObject()
        case .sumOfMembers(let maxMemberWeight):
            w.key("sumOfMembers")
            w.beginObject()
            int32("maxMemberWeight", maxMemberWeight, &w)
            w.endObject()
        }
        flag("weightsDisallowed", profile.weightsDisallowed, &w)
        w.endObject()
    }

    static func counterSpec(_ spec: P4Info.CounterSpec?, _ w: inout JSONWriter) {
        guard let spec else { return }
        w.key("spec")
        w.beginObject()
        if spec.unit.rawValue != 0 { w.key("unit"); w.enumValue(spec.unit) }
        w.endObject()
    }

    static func meterSpec(_ spec: P4Info.MeterSpec?, _ w: inout JSONWriter) {
        guard let spec else { return }
        w.key("spec")
        w.beginObject()
        if spec.unit.rawValue != 0 { w.key("unit"); w.enumValue(spec.unit) }
        if spec.type.rawValue != 0 { w.key("type"); w.enumValue(spec.type) }
        w.endObject()
    }

    static func counter(_ counter: P4Info.Counter, _ w: inout JSONWriter) {
        w.beginObject()
        preamble(counter.preamble, &w)
        counterSpec(counter.spec, &w)
        int64("size", counter.size, &w)
        namedType("indexTypeName", counter.indexTypeName, &w)
        w.endObject()
    }

    static func directCounter(_ counter: P4Info.DirectCounter, _ w: inout JSONWriter) {
        w.beginObject()
        preamble(counter.preamble, &w)
        counterSpec(counter.spec, &w)
        uint32("directTableId", counter.directTableId.rawValue, &w)
        w.endObject()
    }

    static func meter(_ meter: P4Info.Meter, _ w: inout JSONWriter) {
        w.beginObject()
        preamble(meter.preamble, &w)
        meterSpec(meter.spec, &w)
        int64("size", meter.size, &w)
        namedType("indexTypeName", meter.indexTypeName, &w)
        w.endObject()
    }

    static func directMeter(_ meter: P4Info.DirectMeter, _ w: inout JSONWriter) {
        w.beginObject()
        preamble(meter.preamble, &w)
        meterSpec(meter.spec, &w)
        uint32("directTableId", meter.directTableId.rawValue, &w)
        w.endObject()
    }

    static func packetMetadata(_ header: P4Info.ControllerPacketMetadata, _ w: inout JSONWriter) {
        w.beginObject()
        preamble(header.preamble, &w)
        list("metadata", header.metadata, &w) { field, w in
            w.beginObject()
            uint32("id", field.id.rawValue, &w)
            text("name", field.name, &w)
            strings("annotations", field.annotations, &w)
            int32("bitwidth", field.bitwidth, &w)
            namedType("typeName", field.typeName, &w)
            list("structuredAnnotations", field.structuredAnnotations, &w, structuredAnnotation)
            list("annotationLocations", field.annotationLocations, &w, sourceLocation)
            w.endObject()
        }
        w.endObject()
    }

    static func valueSet(_ set: P4Info.ValueSet, _ w: inout JSONWriter) {
        w.beginObject()
        preamble(set.preamble, &w)
        list("match", set.match, &w, matchField)
        int32("size", set.size, &w)
        w.endObject()
    }

    static func register(_ register: P4Info.Register, _ w: inout JSONWriter) {
        w.beginObject()
        preamble(register.preamble, &w)
        if let spec = register.typeSpec { w.key("typeSpec"); dataType(spec, &w) }
        int32("size", register.size, &w)
        namedType("indexTypeName", register.indexTypeName, &w)
        w.endObject()
    }

    static func digest(_ digest: P4Info.Digest, _ w: inout JSONWriter) {
        w.beginObject()
        preamble(digest.preamble, &w)
        if let spec = digest.typeSpec { w.key("typeSpec"); dataType(spec, &w) }
        w.endObject()
    }

    static func extern(_ extern: P4Info.Extern, _ w: inout JSONWriter) {
        w.beginObject()
        uint32("externTypeId", extern.externTypeId.rawValue, &w)
        text("externTypeName", extern.externTypeName, &w)
        list("instances", extern.instances, &w) { instance, w in
            w.beginObject()
            preamble(instance.preamble, &w)
            if let info = instance.info { w.key("info"); info.encode(to: &w) }
            w.endObject()
        }
        w.endObject()
    }
}
