/// A `SpecProgram` compiled for the executor: one flat array of `EngineOp` (the apply block first, then every
/// action's body), the entry index of each action, and the struct layout of a packet context. Immutable after
/// compilation; owns its memory.
final class EngineProgram: @unchecked Sendable {
    /// Struct slot of the running action's arguments (`t.`).
    static let actionDataSlot = 0
    /// Struct slot of the metadata (`m.`).
    static let metadataSlot = 1
    /// Struct slot of the program's constants (immediates addressed as fields).
    static let constantsSlot = 2
    /// Struct slot of header 0; header `h` is at `firstHeaderSlot + h`.
    static let firstHeaderSlot = 3

    /// The compiler's ops, as its passes left them (what tests inspect); the executor runs `instructions`.
    let ops: UnsafeMutableBufferPointer<EngineOp>
    /// `ops` lowered for the executor, index for index.
    let instructions: UnsafeMutableBufferPointer<EngineInstruction>
    /// The operands of the `movBytes` instructions (destination, source); raw memory, like the other arrays the
    /// executor reads, so the packet path never retains an array buffer.
    let byteMoves: UnsafeMutableBufferPointer<(EngineBytes, EngineBytes)>
    /// Per action: its first instruction (a pointer, so a table op jumps with one load).
    let actionEntry: UnsafeMutablePointer<UnsafePointer<EngineInstruction>>
    let meterOperands: UnsafeMutableBufferPointer<EngineMeterOperands>
    /// Per header: the fixed size in bytes and the largest varbit extension.
    let headerFixedSize: UnsafeMutablePointer<Int32>
    let headerMaximumSize: UnsafeMutablePointer<Int32>
    /// Byte offset of each header's private storage in the context's storage arena.
    let headerStorageOffset: UnsafeMutablePointer<Int32>
    let headerCount: Int
    let headerStorageSize: Int
    let metadataSize: Int
    /// The largest action data of any action (the size of a context's initial `t.` buffer).
    let actionDataCapacity: Int
    /// Action data size of each action.
    let actionDataSize: [Int]
    /// Constants: 8-byte little-endian immediates.
    let constants: UnsafeMutableRawPointer
    let constantsSize: Int
    /// Sizes of the extern mailbox structs, in slot order after the headers.
    let mailboxSizes: [Int]
    /// Total number of struct slots.
    let slotCount: Int

    init(ops: [EngineOp], actionStart: [Int32], meterOperands: [EngineMeterOperands], headerFixedSize: [Int32],
         headerMaximumSize: [Int32], metadataSize: Int, actionDataSize: [Int], constants: [UInt64],
         mailboxSizes: [Int]) {
        self.ops = .allocate(capacity: max(ops.count, 1))
        _ = self.ops.initialize(from: ops)
        var byteMoves: [(EngineBytes, EngineBytes)] = []
        instructions = .allocate(capacity: max(ops.count, 1))
        for (i, op) in ops.enumerated() { (instructions.baseAddress! + i).initialize(to: EngineInstruction(op, byteMoves: &byteMoves)) }
        self.byteMoves = .allocate(capacity: max(byteMoves.count, 1))
        _ = self.byteMoves.initialize(from: byteMoves)
        actionEntry = .allocate(capacity: max(actionStart.count, 1))
        for (a, start) in actionStart.enumerated() {
            (actionEntry + a).initialize(to: UnsafePointer(instructions.baseAddress! + Int(start)))
        }
        self.meterOperands = .allocate(capacity: max(meterOperands.count, 1))
        _ = self.meterOperands.initialize(from: meterOperands)
        headerCount = headerFixedSize.count
        self.headerFixedSize = .allocate(capacity: max(headerCount, 1))
        self.headerFixedSize.initialize(from: headerFixedSize, count: headerCount)
        self.headerMaximumSize = .allocate(capacity: max(headerCount, 1))
        self.headerMaximumSize.initialize(from: headerMaximumSize, count: headerCount)
        headerStorageOffset = .allocate(capacity: max(headerCount, 1))
        var offset = 0
        for h in 0..<headerCount {
            headerStorageOffset[h] = Int32(offset)
            offset += (Int(headerMaximumSize[h]) + 15) & ~7
        }
        headerStorageSize = offset
        self.metadataSize = metadataSize
        self.actionDataSize = actionDataSize
        actionDataCapacity = actionDataSize.max() ?? 0
        constantsSize = max(8, constants.count * 8)
        self.constants = .allocate(byteCount: constantsSize + 8, alignment: 8)
        self.constants.initializeMemory(as: UInt8.self, repeating: 0, count: constantsSize + 8)
        for (i, c) in constants.enumerated() { self.constants.storeBytes(of: c, toByteOffset: 8 * i, as: UInt64.self) }
        self.mailboxSizes = mailboxSizes
        slotCount = EngineProgram.firstHeaderSlot + headerCount + mailboxSizes.count
    }

    deinit {
        ops.deallocate()
        instructions.deallocate()
        byteMoves.deallocate()
        actionEntry.deallocate()
        meterOperands.deallocate()
        headerFixedSize.deallocate()
        headerMaximumSize.deallocate()
        headerStorageOffset.deallocate()
        constants.deallocate()
    }
}
