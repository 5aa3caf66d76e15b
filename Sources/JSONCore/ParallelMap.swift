import Dispatch

/// `count` results of `transform(index)` in index order, computed in chunks of `perChunk` indices, on all cores
/// when `parallel` (`DispatchQueue.concurrentPerform`); each result slot is written by exactly one chunk.
/// `transform` runs concurrently and must only read shared state. (Public for the client library, which builds
/// large bulk writes in parts the same way.)
public func parallelMap<T>(count: Int, perChunk: Int, parallel: Bool, _ transform: @Sendable (Int) -> T) -> [T] {
    guard count > 0 else { return [] }
    let chunks = (count + perChunk - 1) / perChunk
    return Array(unsafeUninitializedCapacity: count) { results, initialized in
        let out = ResultSlots(base: UnsafeMutableRawPointer(results.baseAddress!))
        withoutActuallyEscaping(transform) { transform in
            let work: @Sendable (Int) -> Void = { chunk in
                let slots = out.base.assumingMemoryBound(to: T.self)
                for index in chunk * perChunk..<min((chunk + 1) * perChunk, count) {
                    (slots + index).initialize(to: transform(index))
                }
            }
            if parallel && chunks > 1 {
                DispatchQueue.concurrentPerform(iterations: chunks, execute: work)
            } else {
                for chunk in 0..<chunks { work(chunk) }
            }
        }
        initialized = count
    }
}

/// The uninitialised result array, written at disjoint slots by the chunks of `parallelMap`.
private struct ResultSlots: @unchecked Sendable {
    let base: UnsafeMutableRawPointer
}

/// Borrowed input bytes carried into `parallelMap`'s concurrent chunks, which only read them.
struct SharedBytes: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
}
