import P4Device
import P4Model
import P4RuntimeService

/// A small P4Info built in code that exercises every kind of object the service validates, with helpers to
/// build requests against it.
enum TestPipeline {
    static let lpm: TableID = 0x0200_0001
    static let acl: TableID = 0x0200_0002
    static let exact: TableID = 0x0200_0003
    static let selectorTable: TableID = 0x0200_0004
    static let profileTable: TableID = 0x0200_0005
    static let constTable: TableID = 0x0200_0006
    static let keyless: TableID = 0x0200_0007
    static let bulk: TableID = 0x0200_0008

    static let setPort: ActionID = 0x0100_0001
    static let drop: ActionID = 0x0100_0002
    static let defaultOnly: ActionID = 0x0100_0003
    static let selector: ActionProfileID = 0x1100_0001
    static let profile: ActionProfileID = 0x1100_0002
    static let counter: CounterID = 0x1200_0001
    static let directCounter: DirectCounterID = 0x1300_0001
    static let meter: MeterID = 0x1400_0001
    static let directMeter: DirectMeterID = 0x1500_0001
    static let register: RegisterID = 0x1600_0001
    static let structRegister: RegisterID = 0x1600_0002
    static let digest: DigestID = 0x1700_0001
    static let valueSet: ValueSetID = 0x0300_0001

    static func preamble(_ id: UInt32, _ name: String) -> P4Info.Preamble {
        P4Info.Preamble(id: id, name: name, alias: String(name.split(separator: ".").last ?? ""))
    }

    static func field(_ id: UInt32, _ name: String, _ width: Int32, _ type: P4Info.MatchField.MatchType)
        -> P4Info.MatchField
    {
        P4Info.MatchField(id: MatchFieldID(id), name: name, bitwidth: width, match: .matchType(type))
    }

    static func refs(_ ids: ActionID...) -> [P4Info.ActionRef] { ids.map { P4Info.ActionRef(id: $0) } }

    static let p4info: P4Info = {
        var info = P4Info()
        info.pkgInfo = P4Info.PkgInfo(name: "test", arch: "v1model")
        info.actions = [
            P4Info.Action(preamble: preamble(setPort.rawValue, "ingress.set_port"),
                          params: [P4Info.Action.Param(id: 1, name: "port", bitwidth: 9)]),
            P4Info.Action(preamble: preamble(drop.rawValue, "ingress.drop")),
            P4Info.Action(preamble: preamble(defaultOnly.rawValue, "ingress.miss")),
        ]
        info.tables = [
            P4Info.Table(preamble: preamble(lpm.rawValue, "ingress.ipv4_lpm"),
                         matchFields: [field(1, "hdr.ipv4.dst", 32, .lpm)],
                         actionRefs: refs(setPort, drop) + [P4Info.ActionRef(id: defaultOnly, scope: .defaultOnly)],
                         initialDefaultAction: P4Info.TableActionCall(actionId: drop),
                         directResourceIds: [directCounter.rawValue], size: 4, idleTimeoutBehavior: .notifyControl),
            P4Info.Table(preamble: preamble(acl.rawValue, "ingress.acl"),
                         matchFields: [field(1, "hdr.eth.type", 16, .ternary), field(2, "hdr.tcp.dport", 16, .range),
                                       field(3, "hdr.ipv4.proto", 8, .optional)],
                         actionRefs: refs(setPort, drop), directResourceIds: [directMeter.rawValue], size: 100),
            P4Info.Table(preamble: preamble(exact.rawValue, "ingress.exact"),
                         matchFields: [field(1, "meta.a", 32, .exact), field(2, "meta.b", 16, .exact)],
                         actionRefs: refs(setPort, drop)
                             + [P4Info.ActionRef(id: defaultOnly, scope: .defaultOnly)], size: 1024),
            P4Info.Table(preamble: preamble(selectorTable.rawValue, "ingress.ecmp"),
                         matchFields: [field(1, "meta.flow", 8, .exact)], actionRefs: refs(setPort, drop),
                         implementationId: selector.rawValue, size: 64),
            P4Info.Table(preamble: preamble(profileTable.rawValue, "ingress.indirect"),
                         matchFields: [field(1, "meta.flow", 8, .exact)], actionRefs: refs(setPort, drop),
                         implementationId: profile.rawValue, size: 64),
            P4Info.Table(preamble: preamble(constTable.rawValue, "ingress.fixed"),
                         matchFields: [field(1, "meta.flow", 8, .exact)], actionRefs: refs(setPort, drop),
                         constDefaultActionId: drop, size: 4, isConstTable: true, hasInitialEntries: true),
            P4Info.Table(preamble: preamble(keyless.rawValue, "ingress.always"), actionRefs: refs(setPort, drop),
                         initialDefaultAction: P4Info.TableActionCall(actionId: drop), size: 1),
            P4Info.Table(preamble: preamble(bulk.rawValue, "ingress.bulk"),
                         matchFields: [field(1, "meta.key", 32, .exact)], actionRefs: refs(setPort, drop),
                         size: 0, idleTimeoutBehavior: .notifyControl),
        ]
        info.actionProfiles = [
            P4Info.ActionProfile(preamble: preamble(selector.rawValue, "ingress.ecmp_selector"),
                                 tableIds: [selectorTable], withSelector: true, size: 16, maxGroupSize: 4),
            P4Info.ActionProfile(preamble: preamble(profile.rawValue, "ingress.ap"), tableIds: [profileTable],
                                 size: 3),
        ]
        info.counters = [P4Info.Counter(preamble: preamble(counter.rawValue, "ingress.pkts"),
                                        spec: P4Info.CounterSpec(unit: .both), size: 8)]
        info.directCounters = [P4Info.DirectCounter(preamble: preamble(directCounter.rawValue, "ingress.lpm_hits"),
                                                    spec: P4Info.CounterSpec(unit: .both), directTableId: lpm)]
        info.meters = [P4Info.Meter(preamble: preamble(meter.rawValue, "ingress.police"),
                                    spec: P4Info.MeterSpec(unit: .bytes, type: .twoRateThreeColor), size: 4)]
        info.directMeters = [P4Info.DirectMeter(preamble: preamble(directMeter.rawValue, "ingress.acl_meter"),
                                                spec: P4Info.MeterSpec(unit: .packets, type: .singleRateThreeColor),
                                                directTableId: acl)]
        info.registers = [
            P4Info.Register(preamble: preamble(register.rawValue, "ingress.last_seen"),
                            typeSpec: P4DataTypeSpec(.bitstring(P4BitstringLikeTypeSpec(.bit(bitwidth: 12)))),
                            size: 16),
            P4Info.Register(preamble: preamble(structRegister.rawValue, "ingress.pairs"),
                            typeSpec: P4DataTypeSpec(.struct(P4NamedType(name: "pair_t"))), size: 2),
        ]
        info.digests = [P4Info.Digest(preamble: preamble(digest.rawValue, "learn_t"),
                                      typeSpec: P4DataTypeSpec(.bitstring(P4BitstringLikeTypeSpec(.bit(bitwidth: 48)))))]
        info.valueSets = [P4Info.ValueSet(preamble: preamble(valueSet.rawValue, "parser.ports"),
                                          match: [field(1, "port", 16, .exact)], size: 2)]
        info.controllerPacketMetadata = [
            P4Info.ControllerPacketMetadata(preamble: preamble(0x0400_0001, "packet_out"), metadata: [
                P4Info.ControllerPacketMetadata.Metadata(id: 1, name: "egress_port", bitwidth: 9)]),
        ]
        info.typeInfo = P4TypeInfo(structs: ["pair_t": P4StructTypeSpec(members: [
            P4StructTypeSpec.Member(name: "a", typeSpec: P4DataTypeSpec(.bitstring(P4BitstringLikeTypeSpec(.bit(bitwidth: 8))))),
            P4StructTypeSpec.Member(name: "b", typeSpec: P4DataTypeSpec(.bool)),
        ])])
        return info
    }()

    /// A service with device 1 running `p4info` on the P4Info-only device, and its manual clock.
    static func service(_ info: P4Info = p4info) throws -> (P4RuntimeService, ManualClock) {
        let clock = ManualClock()
        let service = P4RuntimeService(clock: clock)
        try service.addDevice(id: 1)
        try service.setForwardingPipelineConfig(SetForwardingPipelineConfigRequest(
            deviceId: 1, action: .verifyAndCommit, config: ForwardingPipelineConfig(p4info: info)))
        return (service, clock)
    }

    // MARK: Builders

    static func setPortAction(_ port: UInt64) -> Action {
        Action(actionId: setPort, params: [Action.Param(paramId: 1, value: Bytestring.encode(port))])
    }

    static func exactEntry(_ a: UInt64, _ b: UInt64 = 1, port: UInt64 = 1) -> TableEntry {
        TableEntry(tableId: exact, match: [
            FieldMatch(fieldId: 1, .exact(value: Bytestring.encode(a))),
            FieldMatch(fieldId: 2, .exact(value: Bytestring.encode(b))),
        ], action: .action(setPortAction(port)))
    }

    static func lpmEntry(_ value: UInt64, _ prefix: Int32, port: UInt64 = 1, idleTimeoutNs: Int64 = 0) -> TableEntry {
        TableEntry(tableId: lpm, match: [FieldMatch(fieldId: 1, .lpm(value: Bytestring.encode(value), prefixLen: prefix))],
                   action: .action(setPortAction(port)), idleTimeoutNs: idleTimeoutNs)
    }

    static func update(_ type: UpdateType, _ kind: Entity.Kind) -> Update { Update(type: type, entity: Entity(kind)) }

    static func write(_ updates: [Update], atomicity: Atomicity = .continueOnError, electionId: Uint128? = nil,
                      role: String = "") -> WriteRequest {
        WriteRequest(deviceId: 1, role: role, electionId: electionId, updates: updates, atomicity: atomicity)
    }

    static func insert(_ entry: TableEntry) -> Update { update(.insert, .tableEntry(entry)) }

    /// Runs a write and returns its per-update codes (all OK when it succeeded) or the request-level error code.
    static func codes(_ service: P4RuntimeService, _ request: WriteRequest) -> [CanonicalCode] {
        do {
            try service.write(request)
            return request.updates.map { _ in .ok }
        } catch {
            if error.code == .unknown { return error.details.map(\.canonicalCode) }
            return [error.code]
        }
    }

    /// The first per-update error of a write (nil when it succeeded).
    static func firstError(_ service: P4RuntimeService, _ request: WriteRequest) -> P4Error? {
        do {
            try service.write(request)
            return nil
        } catch {
            if error.code == .unknown { return error.details.first { !$0.isOK } }
            return P4Error(error)
        }
    }

    /// Every entity a read returns (throws the read's error).
    static func read(_ service: P4RuntimeService, _ entities: [Entity.Kind]) throws(P4RuntimeError) -> [Entity] {
        var result: [Entity] = []
        try service.read(ReadRequest(deviceId: 1, entities: entities.map { Entity($0) })) { entity in
            result.append(entity)
            return true
        }
        return result
    }
}
