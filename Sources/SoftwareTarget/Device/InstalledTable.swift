import P4Device

/// The installed entries of one table, indexed by the service's store slot (`EntryHandle.slot`, dense from 0):
/// a bulk insert of a million entries appends to one array (moves, no rehashing) instead of growing a dictionary.
///
/// Each slot holds the generation it was last written with; a handle whose generation differs finds nothing.
/// The service reuses a slot only after removing its entry, so a slot never has two live generations.
struct InstalledTable: Sendable {
    private struct Slot: Sendable {
        var generation: UInt32
        var installed: TargetState.Installed?
    }

    private var slots: [Slot] = []
    /// Live entries.
    private(set) var count = 0

    /// The entry installed under `handle`; setting nil removes it (no effect when the slot holds another
    /// generation).
    subscript(handle: EntryHandle) -> TargetState.Installed? {
        get {
            let index = Int(handle.slot)
            guard index < slots.count, slots[index].generation == handle.generation else { return nil }
            return slots[index].installed
        }
        set {
            let index = Int(handle.slot)
            if let newValue {
                if index >= slots.count {
                    if index > slots.count {
                        slots.append(contentsOf: repeatElement(Slot(generation: 0, installed: nil),
                                                               count: index - slots.count))
                    }
                    slots.append(Slot(generation: handle.generation, installed: newValue))
                    count += 1
                    return
                }
                if slots[index].installed == nil || slots[index].generation != handle.generation { count += 1 }
                slots[index] = Slot(generation: handle.generation, installed: newValue)
            } else {
                guard index < slots.count, slots[index].generation == handle.generation,
                      slots[index].installed != nil else { return }
                slots[index].installed = nil
                count -= 1
            }
        }
    }
}
