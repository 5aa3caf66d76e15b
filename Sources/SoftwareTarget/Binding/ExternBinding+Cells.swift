import P4Model
import SWX

extension ExternBinding.Counter {
    /// The counter's cells at `indices` (in order), each array read in one engine call rather than one per cell:
    /// `/metrics` reads every cell of every counter, and a learner's direct counters are read per learned flow.
    func cells(at indices: [UInt64], engine: SWXPipeline) throws(SWXPipelineError) -> [CounterData] {
        let packets = try packets.map { name throws(SWXPipelineError) in try engine.readRegisters(name, indices: indices) }
        let bytes = try bytes.map { name throws(SWXPipelineError) in try engine.readRegisters(name, indices: indices) }
        return indices.indices.map { i in
            CounterData(byteCount: Int64(clamping: bytes?[i] ?? 0), packetCount: Int64(clamping: packets?[i] ?? 0))
        }
    }
}
