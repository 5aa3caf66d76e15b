import Dispatch
import P4Device
import P4Model
import P4RuntimeService
import Synchronization
import Testing

@Suite("Concurrency (W7, W12)")
struct ConcurrencyTests {
    typealias T = TestPipeline

    /// Readers running alongside a writer see every batch fully or not at all.
    @Test func readsSeeWholeBatchesWhileWritesRun() throws {
        let (service, _) = try T.service()
        let batches = 40
        let batchSize = 25
        let torn = Mutex(0)
        let reads = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            if worker == 0 {
                for batch in 0..<batches {
                    let updates = (0..<batchSize).map { T.insert(T.exactEntry(UInt64(batch * batchSize + $0))) }
                    try? service.write(T.write(updates))
                }
                return
            }
            for _ in 0..<60 {
                var count = 0
                try? service.read(ReadRequest(deviceId: 1, entities: [Entity(.tableEntry(TableEntry(tableId: T.exact)))])) { _ in
                    count += 1
                    return true
                }
                if count % batchSize != 0 { torn.withLock { $0 += 1 } }
                reads.withLock { $0 += 1 }
            }
        }
        #expect(torn.withLock { $0 } == 0)
        #expect(reads.withLock { $0 } == 180)
        #expect(try T.read(service, [.tableEntry(TableEntry(tableId: T.exact))]).count == batches * batchSize)
    }

    /// Concurrent writers are serialised: every insert of distinct keys lands exactly once.
    @Test func concurrentWritersAreSerialised() throws {
        let (service, _) = try T.service()
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for index in 0..<50 {
                try? service.write(T.write([T.insert(T.exactEntry(UInt64(worker * 1000 + index)))]))
            }
        }
        #expect(try T.read(service, [.tableEntry(TableEntry(tableId: T.exact))]).count == 200)
    }
}
