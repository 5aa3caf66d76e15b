import HTTPServer
import JSONCore
import P4JSON
import P4Model
import P4RuntimeService

/// The friendly, name-based endpoints (docs/api.md): the same service calls as the canonical ones, with P4Info
/// names and human values translated by P4JSON's `FriendlyCodec` against the device's current pipeline.
extension P4RuntimeAPI {
    func addFriendlyRoutes(to router: inout HTTPRouter) {
        route(&router, .post, "/v1/friendly/write") { [self] request throws(P4RuntimeError) in
            _ = try request.bodyKind(allowing: [.json])
            let device = try request.queryUInt64("deviceId", default: configuration.defaultDeviceId)
            var write = try codec(device).writeRequest(request.body)
            if write.deviceId == 0 { write.deviceId = device }
            try service.write(write)
            return .json(ProtoJSON.encode(WriteResponse()))
        }
        route(&router, .post, "/v1/friendly/read") { [self] request throws(P4RuntimeError) in
            _ = try request.bodyKind(allowing: [.json])
            let device = try request.queryUInt64("deviceId", default: configuration.defaultDeviceId)
            let codec = try codec(device)
            var read = try codec.readRequest(request.body)
            if read.deviceId == 0 { read.deviceId = device }
            return try friendlyRead(read, codec: codec)
        }

        route(&router, .get, "/v1/tables") { [self] request throws(P4RuntimeError) in
            let index = try pipeline(request)
            return .json(JSONValue.array(index.p4info.tables.map(Self.describe)).serialized())
        }
        addResourceRoutes(&router, path: "/v1/tables/{name}/entries", kind: "tableEntry", nameKey: "table")
        route(&router, .put, "/v1/tables/{name}/default") { [self] request throws(P4RuntimeError) in
            try friendlyWrite(request, kind: "tableEntry", inject: [("table", .string(request.parameter("name") ?? "")),
                                                                    ("isDefaultAction", true)], type: .modify)
        }
        route(&router, .delete, "/v1/tables/{name}/default") { [self] request throws(P4RuntimeError) in
            // MODIFY without an action resets the default entry to the program's own (P4Runtime §9.1.3).
            try friendlyWrite(request, kind: "tableEntry", inject: [("table", .string(request.parameter("name") ?? "")),
                                                                    ("isDefaultAction", true)], type: .modify, noBody: true)
        }
        addResourceRoutes(&router, path: "/v1/action-profiles/{name}/members", kind: "actionProfileMember", nameKey: "actionProfile")
        addResourceRoutes(&router, path: "/v1/action-profiles/{name}/groups", kind: "actionProfileGroup", nameKey: "actionProfile")
        for (collection, kind, key) in [("counters", "counterEntry", "counter"), ("meters", "meterEntry", "meter"),
                                        ("registers", "registerEntry", "register")] {
            route(&router, .get, "/v1/\(collection)/{name}") { [self] request throws(P4RuntimeError) in
                try friendlyReadOne(request, kind: kind, inject: [(key, .string(request.parameter("name") ?? ""))])
            }
            route(&router, .get, "/v1/\(collection)/{name}/{index}") { [self] request throws(P4RuntimeError) in
                try friendlyReadOne(request, kind: kind, inject: [(key, .string(request.parameter("name") ?? "")),
                                                                  ("index", try Self.index(request))])
            }
            route(&router, .put, "/v1/\(collection)/{name}") { [self] request throws(P4RuntimeError) in
                try friendlyWrite(request, kind: kind, inject: [(key, .string(request.parameter("name") ?? ""))], type: .modify)
            }
            route(&router, .put, "/v1/\(collection)/{name}/{index}") { [self] request throws(P4RuntimeError) in
                try friendlyWrite(request, kind: kind, inject: [(key, .string(request.parameter("name") ?? "")),
                                                                ("index", try Self.index(request))], type: .modify)
            }
        }
    }

    /// GET lists, POST inserts, PUT modifies, DELETE deletes the resources of one named table or profile. Bodies
    /// are one object or an array of objects; the name in the path fills `nameKey`.
    private func addResourceRoutes(_ router: inout HTTPRouter, path: String, kind: String, nameKey: String) {
        route(&router, .get, path) { [self] request throws(P4RuntimeError) in
            var inject: [(String, JSONValue)] = [(nameKey, .string(request.parameter("name") ?? ""))]
            if kind == "tableEntry" && request.queryValue("counters") == "true" { inject.append(("counterData", .object(JSONObject()))) }
            return try friendlyReadOne(request, kind: kind, inject: inject)
        }
        for (method, type) in [(HTTPMethod.post, UpdateType.insert), (.put, .modify), (.delete, .delete)] {
            route(&router, method, path) { [self] request throws(P4RuntimeError) in
                try friendlyWrite(request, kind: kind, inject: [(nameKey, .string(request.parameter("name") ?? ""))], type: type)
            }
        }
    }

    // MARK: Helpers

    private func pipeline(_ request: HTTPRequest) throws(P4RuntimeError) -> P4InfoIndex {
        let device = try request.queryUInt64("deviceId", default: configuration.defaultDeviceId)
        guard let index = try service.pipelineIndex(deviceId: device) else {
            throw .failedPrecondition("device \(device) has no pipeline yet (PUT /v1/pipeline first)")
        }
        return index
    }

    private func codec(_ device: UInt64) throws(P4RuntimeError) -> FriendlyCodec {
        guard let index = try service.pipelineIndex(deviceId: device) else {
            throw .failedPrecondition("device \(device) has no pipeline yet (PUT /v1/pipeline first)")
        }
        return FriendlyCodec(index)
    }

    /// The body's objects (one object or an array), each with `inject` members added where absent.
    private static func bodyObjects(_ request: HTTPRequest, inject: [(String, JSONValue)], noBody: Bool) throws(P4RuntimeError) -> [JSONValue] {
        var values: [JSONValue]
        if noBody || request.body.isEmpty {
            values = [.object(JSONObject())]
        } else {
            _ = try request.bodyKind(allowing: [.json])
            switch try ProtoJSON.parse(request.body) {
            case .array(let array): values = array
            case let single: values = [single]
            }
        }
        for position in values.indices {
            guard case .object(var object) = values[position] else {
                throw .invalidArgument("\(values.count > 1 ? "[\(position)]" : "body"): expected an object")
            }
            for (key, value) in inject where object[key] == nil { object[key] = value }
            values[position] = .object(object)
        }
        return values
    }

    private func friendlyWrite(
        _ request: HTTPRequest, kind: String, inject: [(String, JSONValue)], type: UpdateType, noBody: Bool = false
    ) throws(P4RuntimeError) -> HTTPResponse {
        let device = try request.queryUInt64("deviceId", default: configuration.defaultDeviceId)
        let codec = try codec(device)
        var write = WriteRequest()
        write.deviceId = device
        write.role = request.queryValue("role") ?? ""
        write.electionId = try request.queryElectionId()
        if let text = request.queryValue("atomicity") {
            guard let atomicity = Atomicity(name: text) else {
                throw .invalidArgument("query parameter atomicity: '\(text)' is not one of CONTINUE_ON_ERROR, ROLLBACK_ON_ERROR, DATAPLANE_ATOMIC")
            }
            write.atomicity = atomicity
        }
        let objects = try Self.bodyObjects(request, inject: inject, noBody: noBody)
        var decoder = ProtoJSONDecoder()
        for (position, object) in objects.enumerated() {
            if objects.count > 1 { decoder.enter(index: position) }
            let entity = try codec.entity(.object(JSONObject(uniqueKeysWithValues: [(kind, object)])), &decoder)
            if objects.count > 1 { decoder.leave() }
            write.updates.append(Update(type: type, entity: entity))
        }
        try service.write(write)
        return .json(ProtoJSON.encode(WriteResponse()))
    }

    private func friendlyReadOne(_ request: HTTPRequest, kind: String, inject: [(String, JSONValue)]) throws(P4RuntimeError) -> HTTPResponse {
        let device = try request.queryUInt64("deviceId", default: configuration.defaultDeviceId)
        let codec = try codec(device)
        var decoder = ProtoJSONDecoder()
        let object = JSONObject(uniqueKeysWithValues: inject.map { ($0.0, $0.1) })
        let entity = try codec.entity(.object(JSONObject(uniqueKeysWithValues: [(kind, .object(object))])), &decoder, forRead: true)
        return try friendlyRead(ReadRequest(deviceId: device, entities: [entity]), codec: codec)
    }

    private func friendlyRead(_ read: ReadRequest, codec: FriendlyCodec) throws(P4RuntimeError) -> HTTPResponse {
        var entities: [Entity] = []
        try service.read(read) { entity in
            entities.append(entity)
            return true
        }
        return .json(codec.readResponse(entities))
    }

    private static func index(_ request: HTTPRequest) throws(P4RuntimeError) -> JSONValue {
        let text = request.parameter("index") ?? ""
        guard let value = Int64(text), value >= 0 else {
            throw .invalidArgument("path index '\(text)' is not a non-negative integer")
        }
        return .integer(value)
    }

    static func matchTypeName(_ match: P4Info.MatchField.Match?) -> String {
        switch match {
        case .matchType(let type)?: type.name ?? "UNSPECIFIED"
        case .otherMatchType(let name)?: name
        case nil: "UNSPECIFIED"
        }
    }

    /// A table as `GET /v1/tables` lists it.
    static func describe(_ table: P4Info.Table) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("name", .string(table.preamble.name)),
            ("alias", .string(table.preamble.alias)),
            ("id", .integer(Int64(table.preamble.id))),
            ("matchFields", .array(table.matchFields.map { field in
                .object(JSONObject(uniqueKeysWithValues: [
                    ("name", .string(field.name)), ("id", .integer(Int64(field.id.rawValue))),
                    ("matchType", .string(Self.matchTypeName(field.match))), ("bitwidth", .integer(Int64(field.bitwidth))),
                ]))
            })),
            ("size", .integer(table.size)),
        ]
        if table.isConstTable { members.append(("isConst", .bool(true))) }
        return .object(JSONObject(uniqueKeysWithValues: members))
    }
}
