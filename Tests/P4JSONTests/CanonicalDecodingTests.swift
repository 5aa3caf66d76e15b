import JSONCore
import P4JSON
import P4Model
import Testing

/// The parser leniency `json_format.Parse` shows (P4Runtime reference §2.4) and the errors, with JSON paths, for
/// everything it rejects.
@Suite("Canonical JSON decoding rules")
struct CanonicalDecodingTests {
    func write(_ text: String) throws(P4RuntimeError) -> WriteRequest { try ProtoJSON.decode(WriteRequest.self, from: text) }

    func failure(_ text: String) -> P4RuntimeError? {
        do {
            _ = try write(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func bothKeySpellingsLastWins() throws {
        #expect(try write(#"{"device_id": 1, "deviceId": 2}"#).deviceId == 2)
        #expect(try write(#"{"deviceId": 2, "device_id": 1}"#).deviceId == 1)
    }

    @Test(arguments: [
        (#""1""#, UInt64(1)), ("1", 1), ("1.0", 1), ("1e3", 1000), (#""1e3""#, 1000), (#""18446744073709551615""#, .max),
        ("0", 0), (#""0""#, 0),
    ])
    func integersAsNumbersOrStrings(literal: String, expected: UInt64) throws {
        #expect(try write(#"{"deviceId": \#(literal)}"#).deviceId == expected)
    }

    @Test(arguments: ["-1", "1.5", #""1.5""#, #""x""#, "true", "{}", #""""#, #"" 1""#, "1e20"])
    func badIntegersAreRejectedWithThePath(literal: String) throws {
        let error = try #require(failure(#"{"deviceId": \#(literal)}"#))
        #expect(error.code == .invalidArgument)
        #expect(error.message.hasPrefix("deviceId: "))
    }

    @Test func errorMessagesNameTheJSONPath() throws {
        let text = """
            {"updates": [{}, {}, {"type": "INSERT", "entity": {"tableEntry": {"match": [{"lpm": {"prefixLen": "x"}}]}}}]}
            """
        let error = try #require(failure(text))
        #expect(error.message == #"updates[2].entity.tableEntry.match[0].lpm.prefixLen: expected integer, got string "x""#)
    }

    @Test func uint32Range() throws {
        let error = try #require(failure(#"{"updates": [{"entity": {"tableEntry": {"tableId": 4294967296}}}]}"#))
        #expect(error.message == "updates[0].entity.tableEntry.tableId: value 4294967296 out of range for uint32")
        let request = try write(#"{"updates": [{"entity": {"tableEntry": {"tableId": "4294967295"}}}]}"#)
        #expect(request.updates[0].entity == .tableEntry(TableEntry(tableId: TableID(.max))))
    }

    @Test func base64StandardURLSafePaddedOrNot() throws {
        func value(_ base64: String) throws -> [UInt8]? {
            let request = try write(#"{"updates": [{"entity": {"tableEntry": {"metadata": "\#(base64)"}}}]}"#)
            guard case .tableEntry(let entry)? = request.updates[0].entity?.kind else { return nil }
            return entry.metadata
        }
        #expect(try value("AAA") == [0, 0])
        #expect(try value("AAA=") == [0, 0])
        #expect(try value("_-8") == [0xff, 0xef])
        #expect(try value("/+8=") == [0xff, 0xef])
        let error = try #require(failure(#"{"updates": [{"entity": {"tableEntry": {"metadata": "A*=="}}}]}"#))
        #expect(error.message == #"updates[0].entity.tableEntry.metadata: invalid base64 string "A*==""#)
    }

    @Test func enumsByNameOrNumber() throws {
        #expect(try write(#"{"updates": [{"type": "MODIFY"}]}"#).updates[0].type == .modify)
        #expect(try write(#"{"updates": [{"type": 3}]}"#).updates[0].type == .delete)
        #expect(try write(#"{"updates": [{"type": 7}]}"#).updates[0].type == .unrecognized(7))
        #expect(try write(#"{"atomicity": "DATAPLANE_ATOMIC"}"#).atomicity == .dataplaneAtomic)
        let error = try #require(failure(#"{"updates": [{"type": "UPSERT"}]}"#))
        #expect(error.message == #"updates[0].type: unknown value "UPSERT" for enum p4.v1.Update.Type"#)
    }

    @Test func nullMeansAbsent() throws {
        let request = try write(#"{"deviceId": null, "electionId": null, "updates": null, "role": null}"#)
        #expect(request == WriteRequest())
    }

    @Test func presenceOfEmptyMessagesIsKept() throws {
        let withID = try write(#"{"electionId": {}}"#)
        #expect(withID.electionId == Uint128())
        #expect(String(decoding: ProtoJSON.encode(withID), as: UTF8.self) == #"{"electionId":{}}"#)
        #expect(try write("{}").electionId == nil)

        let read = try ProtoJSON.decode(ReadRequest.self, from: """
            {"entities": [{"tableEntry": {"counterData": {}, "timeSinceLastHit": {}, "meterConfig": {}}},
                          {"counterEntry": {"index": {}}}, {"counterEntry": {}}, {}]}
            """)
        #expect(read.entities[0] == .tableEntry(TableEntry(
            meterConfig: MeterConfig(), counterData: CounterData(), timeSinceLastHit: TableEntry.IdleTimeout())))
        #expect(read.entities[1] == .counterEntry(CounterEntry(index: Index(0))))
        #expect(read.entities[2] == .counterEntry(CounterEntry(index: nil)))
        #expect(read.entities[3] == Entity(nil))
        let text = String(decoding: ProtoJSON.encode(read), as: UTF8.self)
        #expect(text == """
            {"entities":[{"tableEntry":{"meterConfig":{},"counterData":{},"timeSinceLastHit":{}}},\
            {"counterEntry":{"index":{}}},{"counterEntry":{}},{}]}
            """)
    }

    @Test func twoMembersOfOneOneofAreRejected() throws {
        let error = try #require(failure(#"{"updates": [{"entity": {"tableEntry": {}, "counter_entry": {}}}]}"#))
        #expect(error.message == #"updates[0].entity.counter_entry: oneof "entity" has more than one member set: "tableEntry" and "counterEntry""#)
        let match = try #require(failure(
            #"{"updates": [{"entity": {"tableEntry": {"match": [{"exact": {}, "lpm": {}}]}}}]}"#))
        #expect(match.message.hasPrefix("updates[0].entity.tableEntry.match[0].lpm: oneof \"field_match_type\""))
        // The same member under both spellings is one member (last wins).
        let request = try write(#"{"updates": [{"entity": {"table_entry": {"tableId": 1}, "tableEntry": {"tableId": 2}}}]}"#)
        #expect(request.updates[0].entity == .tableEntry(TableEntry(tableId: 2)))
    }

    @Test func unknownFieldsAreRejectedUnlessIgnored() throws {
        let error = try #require(failure(#"{"updates": [{"entity": {"tableEntry": {"bogus": 1}}}]}"#))
        #expect(error.message == #"updates[0].entity.tableEntry.bogus: unknown field "bogus" in p4.v1.TableEntry"#)
        let lenient = try ProtoJSON.decode(
            WriteRequest.self, from: #"{"deviceId": "3", "future": {"x": 1}}"#, ignoresUnknownFields: true)
        #expect(lenient.deviceId == 3)
    }

    @Test func wrongKindsAreNamed() throws {
        #expect(failure(#"{"updates": {}}"#)?.message == "updates: expected array, got object")
        #expect(failure(#"{"role": 5}"#)?.message == "role: expected string, got number 5")
        #expect(failure("[]")?.message == "expected object (p4.v1.WriteRequest), got array")
        #expect(failure(#"{"updates": [null]}"#)?.message == "updates[0]: null is not allowed as an element of a repeated field")
        #expect(failure("{")?.message.hasPrefix("invalid JSON: ") == true)
        let weight = failure(#"{"updates": [{"entity": {"actionProfileGroup": {"members": [{"weight": 2147483648}]}}}]}"#)
        #expect(weight?.message == "updates[0].entity.actionProfileGroup.members[0].weight: value 2147483648 out of range for int32")
    }

    @Test func statusDetailsNeedTheP4ErrorType() throws {
        let unknownType = #"{"code": 2, "details": [{"@type": "type.googleapis.com/foo.Bar"}]}"#
        #expect(throws: P4RuntimeError.self) { try ProtoJSON.decode(P4RuntimeError.self, from: unknownType) }
        let missingType = #"{"code": 2, "details": [{"canonicalCode": 6}]}"#
        #expect(throws: P4RuntimeError.self) { try ProtoJSON.decode(P4RuntimeError.self, from: missingType) }
        let byName = try ProtoJSON.decode(P4RuntimeError.self, from: #"{"code": "NOT_FOUND", "message": "m"}"#)
        #expect(byName == P4RuntimeError(.notFound, "m"))
    }

    @Test func anyContentIsKeptAndPrintedBack() throws {
        let text = """
            {"arbitration": {"deviceId": "1", "role": {"name": "r", "config": {"@type": "type.googleapis.com/x.Cfg", \
            "allow": [1, 2], "nested": {"flag": true, "name": "n"}}}}}
            """
        let request = try ProtoJSON.decode(StreamMessageRequest.self, from: text)
        #expect(try firstDifference(JSONValue.parse(ProtoJSON.encode(request)), JSONValue.parse(text)) == nil)
        let binary = #"{"other": {"@type": "type.googleapis.com/x.Y", "value": "AQI="}}"#
        let other = try ProtoJSON.decode(StreamMessageRequest.self, from: binary)
        #expect(other.kind == .other(ProtoAny(typeURL: "type.googleapis.com/x.Y", content: .binary([1, 2]))))
        #expect(try JSONValue.parse(ProtoJSON.encode(other)) == JSONValue.parse(binary))
    }

    @Test func emptyResponsesAreEmptyObjects() throws {
        #expect(ProtoJSON.encode(WriteResponse()) == Array("{}".utf8))
        #expect(throws: P4RuntimeError.self) { try ProtoJSON.decode(WriteResponse.self, from: #"{"x": 1}"#) }
        _ = try ProtoJSON.decode(SetForwardingPipelineConfigResponse.self, from: "{}")
    }
}
