import Glibc

/// Two iovecs for `readv(2)`: the caller's buffer in the first, one spare byte in the second. A read that
/// fills the spare byte reveals a frame longer than the buffer, which the TAP driver would otherwise cut
/// without telling. Allocated once per port; only the receiving thread touches it (the port's threading
/// contract), hence the unchecked `Sendable`.
final class OverflowReadVector: @unchecked Sendable {
    /// The two iovecs; `[1]` always points at the spare byte, `[0]` is set before each read.
    let iovecs: UnsafeMutablePointer<iovec>
    private let spare: UnsafeMutableRawPointer

    init() {
        spare = UnsafeMutableRawPointer.allocate(byteCount: 1, alignment: 1)
        iovecs = UnsafeMutablePointer<iovec>.allocate(capacity: 2)
        iovecs.initialize(to: iovec())
        (iovecs + 1).initialize(to: iovec(iov_base: spare, iov_len: 1))
    }

    deinit {
        iovecs.deallocate()
        spare.deallocate()
    }
}
