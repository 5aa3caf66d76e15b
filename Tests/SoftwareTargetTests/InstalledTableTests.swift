import P4Device
@testable import SoftwareTarget
import SWX
import Testing

/// `InstalledTable`: the installed entries of one table by store slot, in chunks.
@Suite struct InstalledTableTests {
    static func installed(_ actionIndex: Int) -> TargetState.Installed {
        TargetState.Installed(matches: [], action: SpecEntryAction(actionIndex: actionIndex, actionData: []),
                              oneShot: nil)
    }

    @Test func entriesAreFoundByTheirHandleAcrossChunks() {
        var table = InstalledTable()
        let slots: [UInt32] = [0, 1023, 1024, 5000, 2]
        for (n, slot) in slots.enumerated() {
            table[EntryHandle(slot: slot, generation: 1)] = Self.installed(n)
        }
        #expect(table.count == slots.count)
        for (n, slot) in slots.enumerated() {
            #expect(table[EntryHandle(slot: slot, generation: 1)]?.action.actionIndex == n)
            #expect(table[EntryHandle(slot: slot, generation: 0)] == nil)
        }
        #expect(table[EntryHandle(slot: 3, generation: 0)] == nil)
        #expect(table[EntryHandle(slot: 9000, generation: 1)] == nil)
        #expect(table.map(\.handle.slot) == [0, 2, 1023, 1024, 5000])
        #expect(table.map(\.installed.action.actionIndex) == [0, 4, 1, 2, 3])
    }

    @Test func removalNeedsTheSameGenerationAndReuseBumpsIt() {
        var table = InstalledTable()
        let first = EntryHandle(slot: 7, generation: 0)
        table[first] = Self.installed(1)
        table[EntryHandle(slot: 7, generation: 1)] = nil
        #expect(table.count == 1)
        #expect(table[first] != nil)
        table[first] = nil
        table[first] = nil
        #expect(table.count == 0)
        #expect(table.isEmptySequence)
        let reused = EntryHandle(slot: 7, generation: 1)
        table[reused] = Self.installed(2)
        #expect(table.count == 1)
        #expect(table[first] == nil)
        #expect(table[reused]?.action.actionIndex == 2)
        table[reused]?.action = SpecEntryAction(actionIndex: 3, actionData: [])
        #expect(table[reused]?.action.actionIndex == 3)
        #expect(table.count == 1)
    }
}

extension InstalledTable {
    var isEmptySequence: Bool { first(where: { _ in true }) == nil }
}
