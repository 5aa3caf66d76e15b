import Foundation
import P4Device
import P4Model
import P4RuntimeService
import TestSupport
import Testing

/// Every P4Info of the shared corpus (v1model, PSA, PNA) runs on the P4Info-only device: the pipeline is accepted
/// exactly when the model's P4Info validation accepts it, and one synthesised entry per writable table goes in and
/// reads back.
@Suite("Shared P4Info corpus on the P4Info-only device")
struct CorpusTests {
    static let files: [URL] = {
        guard Fixtures.sharedAvailable else { return [] }
        return ["p4info", "p4c", "swx"].flatMap {
            Fixtures.files(under: Fixtures.shared($0), endingWith: [".p4info.txt", ".p4info.txtpb", ".p4info.pb.txt",
                                                                    "p4info.txt"])
        }
    }()

    @Test(.enabled(if: Fixtures.sharedAvailable, Comment(rawValue: Fixtures.sharedMissing)))
    func corpusIsNotEmpty() {
        #expect(Self.files.count >= 20)
    }

    @Test(.enabled(if: Fixtures.sharedAvailable, Comment(rawValue: Fixtures.sharedMissing)), arguments: files)
    func pipelineLoadsAndEveryWritableTableTakesAnEntry(_ file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let decoded: P4Info
        do {
            decoded = try P4Info.decode(textFormat: text, source: file.lastPathComponent).p4info
        } catch {
            return  // not decodable: the model's own tests cover the file
        }
        let service = P4RuntimeService(clock: ManualClock())
        try service.addDevice(id: 1)
        let request = SetForwardingPipelineConfigRequest(deviceId: 1, action: .verifyAndCommit,
                                                         config: ForwardingPipelineConfig(p4info: decoded))
        let modelAccepts = (try? P4InfoIndex(decoded)) != nil
        do {
            try service.setForwardingPipelineConfig(request)
        } catch {
            #expect(!modelAccepts, "\(file.lastPathComponent): \(error)")
            #expect(error.code == .invalidArgument)
            return
        }
        let schema = try PipelineSchema(decoded)
        var expected = 0
        for table in schema.tables where !table.isConst && !table.isKeyless {
            guard let updates = Self.synthesise(table, schema: schema) else { continue }
            do {
                try service.write(WriteRequest(deviceId: 1, updates: updates))
                expected += 1
            } catch {
                Issue.record("\(file.lastPathComponent) table \(table.name): \(error)")
            }
        }
        var count = 0
        try service.read(ReadRequest(deviceId: 1, entities: [Entity(.tableEntry(TableEntry()))])) { _ in
            count += 1
            return true
        }
        #expect(count == expected, "\(file.lastPathComponent)")
        // Every indexed extern answers a read of its first cell.
        var cells: [Entity] = []
        let probes = schema.counters.filter { $0.size > 0 }.map { Entity(.counterEntry(CounterEntry(counterId: $0.id, index: Index(0)))) }
            + schema.registers.filter { $0.size > 0 }.map { Entity(.registerEntry(RegisterEntry(registerId: $0.id, index: Index(0)))) }
            + schema.meters.filter { $0.size > 0 }.map { Entity(.meterEntry(MeterEntry(meterId: $0.id, index: Index(0)))) }
        try service.read(ReadRequest(deviceId: 1, entities: probes)) { entity in
            cells.append(entity)
            return true
        }
        #expect(cells.count == probes.count)
    }

    /// The updates that put one plausible entry in `table` (members first for action profiles); nil when the
    /// table's key or actions cannot be synthesised generically.
    static func synthesise(_ table: TableSchema, schema: PipelineSchema) -> [Update]? {
        var match: [FieldMatch] = []
        for field in table.fields {
            let one: [UInt8] = field.isSDNString ? Array("a".utf8) : [1]
            switch field.matchType {
            case .exact?: match.append(FieldMatch(fieldId: field.id, .exact(value: one)))
            case .optional?: match.append(FieldMatch(fieldId: field.id, .optional(value: one)))
            case .lpm?: match.append(FieldMatch(fieldId: field.id, .lpm(value: one, prefixLen: Int32(field.bitwidth))))
            case .ternary?: match.append(FieldMatch(fieldId: field.id, .ternary(value: one, mask: one)))
            case .range?:
                if field.bitwidth < 2 { continue }
                match.append(FieldMatch(fieldId: field.id, .range(low: [1], high: [2])))
            default: return nil
            }
        }
        guard let actionId = table.actionScopes.keys.sorted().first(where: { table.actionScopes[$0] != .defaultOnly }),
              let action = schema.actions[actionId] else { return nil }
        let call = Action(actionId: actionId, params: action.params.map {
            Action.Param(paramId: $0.id, value: $0.isSDNString ? Array("a".utf8) : [0])
        })
        var entry = TableEntry(tableId: table.id, match: match, priority: table.requiresPriority ? 1 : 0)
        var updates: [Update] = []
        switch table.implementation {
        case .direct:
            entry.action = .action(call)
        case .actionProfile(let profile):
            let memberId = ActionProfileMemberID(table.id.rawValue & 0xffff)
            updates.append(Update(type: .insert, entity: Entity(.actionProfileMember(ActionProfileMember(
                actionProfileId: profile, memberId: memberId, action: call)))))
            entry.action = .member(memberId)
        case .actionSelector(let profile):
            let weight: Int32 = schema.actionProfiles[profile]?.weightsDisallowed == true ? 0 : 1
            entry.action = .actionSet(ActionProfileActionSet(actionProfileActions: [
                ActionProfileAction(action: call, weight: weight)]))
        }
        updates.append(Update(type: .insert, entity: Entity(.tableEntry(entry))))
        return updates
    }
}
