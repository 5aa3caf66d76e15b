import JSONCore
import P4JSON
import P4Model
import Testing

/// The `MessageToJson` outputs recorded in the P4Runtime reference (§2.3, §2.3.1), decoded and re-encoded: our
/// output must equal Python's member for member, in the same order (field-number order).
@Suite("Canonical JSON matches json_format.MessageToJson")
struct CanonicalGoldenTests {
    static let writeExact = """
        {"deviceId": "1", "electionId": {"low": "1"}, "updates": [{"type": "INSERT", "entity": {"tableEntry": \
        {"tableId": 33554433, "match": [{"fieldId": 1, "exact": {"value": "CmAAAQ=="}}, {"fieldId": 2, "exact": \
        {"value": "Bg=="}}, {"fieldId": 3, "exact": {"value": "UA=="}}], "action": {"action": {"actionId": 16777218, \
        "params": [{"paramId": 1, "value": "CgABBQ=="}, {"paramId": 2, "value": "H5A="}]}}, "metadata": \
        "c3ZjOmRlZmF1bHQvd2Vi"}}}]}
        """
    static let writeGroup = """
        {"deviceId": "1", "electionId": {"low": "1"}, "updates": [{"type": "INSERT", "entity": {"actionProfileGroup": \
        {"actionProfileId": 285212673, "groupId": 10, "members": [{"memberId": 1, "weight": 1}, {"memberId": 2, \
        "weight": 1}, {"memberId": 3, "weight": 2, "watchPort": "Aw=="}], "maxSize": 128}}}]}
        """
    static let writeOneShot = """
        {"deviceId": "1", "electionId": {"low": "1"}, "updates": [{"type": "INSERT", "entity": {"tableEntry": \
        {"tableId": 33554434, "match": [{"fieldId": 1, "exact": {"value": "Bw=="}}], "action": \
        {"actionProfileActionSet": {"actionProfileActions": [{"action": {"actionId": 16777218, "params": [{"paramId": \
        1, "value": "CgABBQ=="}, {"paramId": 2, "value": "H5A="}]}, "weight": 1}, {"action": {"actionId": 16777218, \
        "params": [{"paramId": 1, "value": "CgABBg=="}, {"paramId": 2, "value": "H5A="}]}, "weight": 2}]}}}}}]}
        """
    static let readDirectCounters = """
        {"deviceId": "1", "entities": [{"directCounterEntry": {"tableEntry": {"tableId": 33554435}}}]}
        """
    static let readResponse = """
        {"entities": [{"directCounterEntry": {"tableEntry": {"tableId": 33554435, "match": [{"fieldId": 1, "exact": \
        {"value": "CgABBQ=="}}]}, "data": {"byteCount": "123456789012", "packetCount": "98765"}}}]}
        """
    static let status = """
        {"code": 2, "message": "Write failure.", "details": [{"@type": "type.googleapis.com/p4.v1.Error", \
        "canonicalCode": 6, "message": "Table entry already exists", "space": "swx-pna-ourserver", "code": 17}, \
        {"@type": "type.googleapis.com/p4.v1.Error"}]}
        """

    func roundTrip<M: ProtoJSONMessage & Equatable>(_ type: M.Type, _ text: String) throws -> M {
        let message = try ProtoJSON.decode(type, from: text)
        let ours = try JSONValue.parse(ProtoJSON.encode(message))
        let python = try JSONValue.parse(text)
        #expect(ours == python)
        return message
    }

    @Test func writeRequestExactEntry() throws {
        let request = try roundTrip(WriteRequest.self, Self.writeExact)
        #expect(request.deviceId == 1)
        #expect(request.electionId == Uint128(low: 1))
        guard case .tableEntry(let entry)? = request.updates.first?.entity?.kind else {
            Issue.record("expected a table entry")
            return
        }
        #expect(entry.tableId == 0x0200_0001)
        #expect(entry.match[2] == FieldMatch(fieldId: 3, .exact(value: [80])))
        #expect(entry.metadata == Array("svc:default/web".utf8))
        #expect(entry.action == .action(Action(actionId: 0x0100_0002, params: [
            Action.Param(paramId: 1, value: [10, 0, 1, 5]), Action.Param(paramId: 2, value: [0x1f, 0x90]),
        ])))
    }

    @Test func writeRequestGroup() throws {
        let request = try roundTrip(WriteRequest.self, Self.writeGroup)
        guard case .actionProfileGroup(let group)? = request.updates.first?.entity?.kind else {
            Issue.record("expected a group")
            return
        }
        #expect(group.members[2] == ActionProfileGroup.Member(memberId: 3, weight: 2, watchKind: .watchPort([3])))
        #expect(group.maxSize == 128)
    }

    @Test func writeRequestOneShot() throws {
        let request = try roundTrip(WriteRequest.self, Self.writeOneShot)
        guard case .tableEntry(let entry)? = request.updates.first?.entity?.kind,
            case .actionProfileActionSet(let set)? = entry.action?.kind
        else {
            Issue.record("expected a one-shot action set")
            return
        }
        #expect(set.actionProfileActions.map(\.weight) == [1, 2])
    }

    @Test func readRequestAndResponse() throws {
        let request = try roundTrip(ReadRequest.self, Self.readDirectCounters)
        #expect(request.entities == [.directCounterEntry(DirectCounterEntry(tableEntry: TableEntry(tableId: 0x0200_0003)))])
        let response = try roundTrip(ReadResponse.self, Self.readResponse)
        guard case .directCounterEntry(let counter)? = response.entities.first?.kind else {
            Issue.record("expected a direct counter entry")
            return
        }
        #expect(counter.data == CounterData(byteCount: 123_456_789_012, packetCount: 98765))
    }

    @Test func statusWithErrorDetails() throws {
        let error = try roundTrip(P4RuntimeError.self, Self.status)
        #expect(error.code == .unknown)
        #expect(error.details == [
            P4Error(canonicalCode: .alreadyExists, message: "Table entry already exists", space: "swx-pna-ourserver",
                code: 17),
            .ok,
        ])
        let batch = P4RuntimeError.batch(error.details, message: "Write failure.")
        #expect(try JSONValue.parse(ProtoJSON.encodeStatus(batch)) == JSONValue.parse(Self.status))
    }

    @Test func prettyOutputMatchesDefaultMessageToJsonLayout() throws {
        let request = ReadRequest(deviceId: 1, entities: [
            .directCounterEntry(DirectCounterEntry(tableEntry: TableEntry(tableId: 0x0200_0003)))
        ])
        let expected = """
            {
              "deviceId": "1",
              "entities": [
                {
                  "directCounterEntry": {
                    "tableEntry": {
                      "tableId": 33554435
                    }
                  }
                }
              ]
            }
            """
        #expect(ProtoJSON.string(request, pretty: true) == expected)
    }
}
