import P4Device

/// The installed entries of one table, indexed by the service's store slot (`EntryHandle.slot`, dense from 0), in
/// fixed-size chunks: a bulk insert of a million entries fills fresh chunks (no rehashing, no moving what is
/// already there), and a copy of the state (a reconcile's, a read's) makes a later change copy one chunk, not the
/// table.
///
/// Each slot holds the generation it was last written with; a handle whose generation differs finds nothing.
/// The service reuses a slot only after removing its entry, so a slot never has two live generations.
struct InstalledTable: Sendable {
    fileprivate struct Slot: Sendable {
        var generation: UInt32
        var installed: TargetState.Installed?
    }

    fileprivate static let chunkSize = 1024

    private var chunks: [[Slot]] = []
    /// Live entries.
    private(set) var count = 0

    /// The entry installed under `handle`; setting nil removes it (no effect when the slot holds another
    /// generation).
    subscript(handle: EntryHandle) -> TargetState.Installed? {
        get {
            let (chunk, index) = Self.position(handle)
            guard chunk < chunks.count, index < chunks[chunk].count,
                  chunks[chunk][index].generation == handle.generation else { return nil }
            return chunks[chunk][index].installed
        }
        set {
            let (chunk, index) = Self.position(handle)
            guard let newValue else {
                guard chunk < chunks.count, index < chunks[chunk].count,
                      chunks[chunk][index].generation == handle.generation,
                      chunks[chunk][index].installed != nil else { return }
                chunks[chunk][index].installed = nil
                count -= 1
                return
            }
            while chunks.count <= chunk {
                var fresh: [Slot] = []
                fresh.reserveCapacity(Self.chunkSize)
                chunks.append(fresh)
            }
            if index >= chunks[chunk].count {
                if index > chunks[chunk].count {
                    chunks[chunk].append(contentsOf: repeatElement(Slot(generation: 0, installed: nil),
                                                                   count: index - chunks[chunk].count))
                }
                chunks[chunk].append(Slot(generation: handle.generation, installed: newValue))
                count += 1
                return
            }
            if chunks[chunk][index].installed == nil || chunks[chunk][index].generation != handle.generation {
                count += 1
            }
            chunks[chunk][index] = Slot(generation: handle.generation, installed: newValue)
        }
    }

    private static func position(_ handle: EntryHandle) -> (chunk: Int, index: Int) {
        (Int(handle.slot) / chunkSize, Int(handle.slot) % chunkSize)
    }
}

extension InstalledTable: Sequence {
    /// The live entries with their handles, in slot order.
    struct Iterator: IteratorProtocol {
        fileprivate let chunks: [[Slot]]
        fileprivate var chunk = 0
        fileprivate var index = 0

        mutating func next() -> (handle: EntryHandle, installed: TargetState.Installed)? {
            while chunk < chunks.count {
                while index < chunks[chunk].count {
                    let slot = chunks[chunk][index]
                    let position = chunk * InstalledTable.chunkSize + index
                    index += 1
                    if let installed = slot.installed {
                        return (EntryHandle(slot: UInt32(position), generation: slot.generation), installed)
                    }
                }
                chunk += 1
                index = 0
            }
            return nil
        }
    }

    func makeIterator() -> Iterator { Iterator(chunks: chunks) }
}
