/// One packet of an interleaved burst as the burst driver admits it: the caller's packets are gathered into these
/// before the run, so admitting a packet makes no call. A call there (the input closure, and the buffer pointer's
/// getters, which are not inlined into the driver) made the driver spill and reload its registers around it, at a
/// cost of about 20 instructions per packet.
struct EngineBurstInput {
    var bytes: UnsafeRawPointer?
    var length: Int
    var port: UInt32
}
