import Foundation
import P4Model
import P4RuntimeService
import SoftwareTarget
import Testing
import TestSupport

/// Wildcard reads of a learner table filtered by action parameter values select learned entries in the engine
/// (programs/node's `ct_forward`, pins learned by SYNs), as `lb apply` does to find the pins of a removed backend.
struct LearnedEntryFilterTests {
    typealias Node = LearnerTimeoutTests.Node

    /// The client ports of the `ct_forward` pins a read with action filter `params` returns.
    func pins(_ node: Node, actionId: UInt32? = nil, _ params: [Action.Param]) throws -> [UInt16] {
        let hit = actionId ?? node.id(node.p4info.actions, "ct_forward_hit", \.preamble)
        return try node.pins(action: Action(actionId: ActionID(rawValue: hit), params: params))
    }

    @Test func learnedPinsAreSelectedByTheirActionParameters() throws {
        let node = try Node()
        try node.programService()
        try node.connect(40001)
        // Every bucket moves to a second backend: the next flow is pinned to it.
        let dnat = ActionID(rawValue: node.id(node.p4info.actions, "dnat", \.preamble))
        let moved = (0..<64).map { bucket in
            Update(type: .modify, entity: Entity(.tableEntry(TableEntry(
                tableId: node.table("backends"),
                match: [FieldMatch(fieldId: 1, .exact(value: [1])), FieldMatch(fieldId: 2, .exact(value: [UInt8(bucket)]))],
                action: TableAction(.action(Action(actionId: dnat, params: [
                    Action.Param(paramId: 1, value: [10, 244, 1, 6]), Action.Param(paramId: 2, value: [0x1f, 0x90]),
                    Action.Param(paramId: 3, value: [2, 0x42, 10, 244, 1, 6]),
                ])))))))
        }
        try node.service.write(WriteRequest(deviceId: 1, updates: moved, atomicity: .rollbackOnError))
        try node.connect(40002)
        try node.connect(40003)

        #expect(try pins(node, []) == [40001, 40002, 40003])
        #expect(try pins(node, [Action.Param(paramId: 1, value: [10, 244, 1, 5])]) == [40001])
        #expect(try pins(node, [Action.Param(paramId: 1, value: [10, 244, 1, 6]),
                                Action.Param(paramId: 2, value: [0x1f, 0x90])]) == [40002, 40003])
        // A padded value is the same value; another port or address selects nothing.
        #expect(try pins(node, [Action.Param(paramId: 1, value: [0, 10, 244, 1, 5])]) == [40001])
        #expect(try pins(node, [Action.Param(paramId: 2, value: [0x1f, 0x91])]).isEmpty)
        #expect(try pins(node, [Action.Param(paramId: 1, value: [10, 244, 1, 7])]).isEmpty)
        // The device itself builds only the selected entries (the service re-checks what it gets).
        var built = 0
        let hit = ActionID(rawValue: node.id(node.p4info.actions, "ct_forward_hit", \.preamble))
        try node.device.readDataPlaneEntries(
            node.table("ct_forward"), counterData: false,
            action: Action(actionId: hit, params: [Action.Param(paramId: 1, value: [10, 244, 1, 6])]), match: nil) { _ in
            built += 1
            return true
        }
        #expect(built == 2)
        // The table's other action (the miss) has no learned entries.
        let miss = node.id(node.p4info.actions, "ct_forward_miss", \.preamble)
        #expect(miss != 0)
        #expect(try pins(node, actionId: miss, []).isEmpty)
    }

    @Test func aLearnedPinIsReadByItsKey() throws {
        let node = try Node()
        try node.programService()
        try node.connect(40001)
        try node.connect(40002)
        // ct_forward's key: client 10.1.0.5, VIP 10.96.0.1, TCP, client port, VIP port 80.
        func read(_ clientPort: UInt16) throws -> [TableEntry] {
            let key = TableEntry(tableId: node.table("ct_forward"), match: [
                FieldMatch(fieldId: 1, .exact(value: [10, 1, 0, 5])), FieldMatch(fieldId: 2, .exact(value: [10, 96, 0, 1])),
                FieldMatch(fieldId: 3, .exact(value: [6])), FieldMatch(fieldId: 4, .exact(value: Bytestring.encode(UInt64(clientPort)))),
                FieldMatch(fieldId: 5, .exact(value: [80])),
            ])
            var found: [TableEntry] = []
            try node.service.read(ReadRequest(deviceId: 1, entities: [Entity(.tableEntry(key))])) { entity in
                if case .tableEntry(let entry)? = entity.kind { found.append(entry) }
                return true
            }
            return found
        }
        let pin = try #require(try read(40002).first)
        #expect(pin.match.first { $0.fieldId == 4 }?.kind == .exact(value: [0x9c, 0x42]))
        #expect(pin.action == TableAction(.action(Action(
            actionId: ActionID(rawValue: node.id(node.p4info.actions, "ct_forward_hit", \.preamble)), params: [
                Action.Param(paramId: 1, value: [10, 244, 1, 5]), Action.Param(paramId: 2, value: [0x1f, 0x90]),
                Action.Param(paramId: 3, value: [2, 0x42, 10, 244, 1, 5]),
            ]))))
        #expect(try read(40001).count == 1)
        #expect(try read(40003).isEmpty)
    }
}
