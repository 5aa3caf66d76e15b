import Testing
import P4Model

@Suite("Entities and ids")
struct EntityTests {
    @Test func idsAreDistinctTypesWithHexDescriptions() {
        let table: TableID = 0x0200_0001
        #expect(table.description == "0x02000001")
        #expect(TableID.prefix == .table)
        #expect(table.prefixByte == 0x02)
        #expect(ActionID(0x0100_0009).description == "0x01000009")
        #expect(MatchFieldID(3).description == "3")
        #expect(ActionProfileMemberID(7).description == "7")
        #expect(TableID(1) < TableID(2))
        #expect(TableID(0).isUnset)
        #expect(ExternTypeID(0x81).description == "0x81")
        #expect(ExternTypeID(1).description == "0x01")
        #expect(hexID(0xabc) == "0x00000abc")
    }

    @Test func prefixesMatchP4Ids() {
        #expect(P4IDPrefix(of: 0x1100_0001) == .actionProfile)
        #expect(P4IDPrefix(of: 0x1700_0001) == .digest)
        #expect(P4IDPrefix(of: 0x0500_0001) == nil)
        #expect(P4IDPrefix.allCases.map(\.rawValue) == [0x01, 0x02, 0x03, 0x04, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17])
    }

    // P4Runtime §8.1.2: a present-but-empty message differs from an absent one.
    @Test func presentButEmptyDiffersFromAbsent() {
        let wildcard = CounterEntry(counterId: 0x1200_0001)
        let cellZero = CounterEntry(counterId: 0x1200_0001, index: Index())
        #expect(wildcard != cellZero)
        #expect(cellZero.index?.index == 0)

        let plain = TableEntry(tableId: 0x0200_0001)
        var withIdle = plain
        withIdle.timeSinceLastHit = TableEntry.IdleTimeout()
        var withCounters = plain
        withCounters.counterData = CounterData()
        var withMeter = plain
        withMeter.meterConfig = MeterConfig()
        #expect(Set([plain, withIdle, withCounters, withMeter]).count == 4)

        #expect(WriteRequest(deviceId: 1) != WriteRequest(deviceId: 1, electionId: Uint128()))
        #expect(ForwardingPipelineConfig() != ForwardingPipelineConfig(cookie: .init()))
        #expect(Entity(nil) != Entity(.tableEntry(TableEntry())))
        #expect(TableAction(nil) != TableAction.action(Action()))
        #expect(FieldMatch(fieldId: 1, nil) != FieldMatch(fieldId: 1, .exact(value: [])))
    }

    @Test func entityNames() {
        #expect(Entity(nil).kindName == "empty entity")
        #expect(Entity(nil).jsonName == nil)
        #expect(Entity.tableEntry(TableEntry()).jsonName == "tableEntry")
        #expect(Entity(.packetReplicationEngineEntry(PacketReplicationEngineEntry(nil))).kindName
            == "packet replication engine entry")
        #expect(FieldMatch.Kind.lpm(value: [10], prefixLen: 8).matchTypeName == "LPM")
        #expect(FieldMatch.Kind.optional(value: [1]).jsonName == "optional")
        #expect(FieldMatch.Kind.range(low: [1], high: [2]).matchTypeName == "RANGE")
        #expect(TableAction.Kind.actionProfileGroupId(3).jsonName == "actionProfileGroupId")
        #expect(TableAction.member(4).kind == .actionProfileMemberId(4))
        #expect(TableAction.group(5).kind == .actionProfileGroupId(5))
        #expect(TableAction.actionSet(ActionProfileActionSet()).kind?.jsonName == "actionProfileActionSet")
    }

    @Test func protoEnumsAreOpen() {
        #expect(UpdateType(rawValue: 1) == .insert)
        #expect(UpdateType(rawValue: 7) == .unrecognized(7))
        #expect(UpdateType(rawValue: 7).name == nil)
        #expect(UpdateType(rawValue: 7).description == "7")
        #expect(UpdateType(name: "DELETE") == .delete)
        #expect(UpdateType(name: "UPSERT") == nil)
        #expect(UpdateType.unspecified.rawValue == 0)
        #expect(Atomicity(name: "DATAPLANE_ATOMIC")?.rawValue == 2)
        #expect(SetForwardingPipelineConfigRequest.Action(rawValue: 5) == .reconcileAndCommit)
        #expect(GetForwardingPipelineConfigRequest.ResponseType.p4infoAndCookie.name == "P4INFO_AND_COOKIE")
        #expect(ActionProfileActionSet.ActionSelectionMode(rawValue: 2) == .random)
        #expect(ActionProfileActionSet.SizeSemantics.sumOfMembers.rawValue == 2)
    }

    @Test func uint128OrdersNumerically() {
        #expect(Uint128(high: 0, low: 5) < Uint128(high: 1, low: 0))
        #expect(Uint128(high: 0, low: 1) < Uint128(high: 0, low: 2))
        #expect(Uint128(low: 7).description == "7")
        #expect(Uint128(high: 1, low: 2).description == "0x1:0000000000000002")
    }

    @Test func errorsCarryCodesAndDetails() {
        #expect(CanonicalCode.allCases.count == 17)
        #expect(CanonicalCode(rawValue: 16) == .unauthenticated)
        #expect(CanonicalCode.failedPrecondition.name == "FAILED_PRECONDITION")
        #expect(CanonicalCode(name: "OUT_OF_RANGE") == .outOfRange)
        #expect(CanonicalCode(name: "out_of_range") == nil)
        let failure = P4RuntimeError.alreadyExists("table entry already exists")
        let batch = P4RuntimeError.batch([P4Error(failure), .ok], message: "Write failure.")
        #expect(batch.code == .unknown)
        #expect(batch.details.count == 2)
        #expect(batch.details[0].canonicalCode == .alreadyExists)
        #expect(batch.details[1].isOK)
        #expect(failure.prefixed("updates[0]").message == "updates[0]: table entry already exists")
        #expect(failure.description == "ALREADY_EXISTS: table entry already exists")
    }
}
