import CNetLinux
import Glibc

/// Preallocated `struct mmsghdr` arrays (with their iovecs and packet-socket addresses) for `recvmmsg(2)` and
/// `sendmmsg(2)`, so a burst costs one system call and no allocation.
///
/// Glibc's Swift overlay hides `struct mmsghdr`, `recvmmsg` and `sendmmsg` (they need `_GNU_SOURCE`), so the
/// layout is computed from `msghdr` exactly as C lays the struct out (`msghdr` then an `unsigned int`, padded
/// to `msghdr`'s alignment) and the two functions are looked up once in libc with `dlsym`.
final class MessageVector: @unchecked Sendable {
    typealias ReceiveCall = @convention(c) (Int32, UnsafeMutableRawPointer?, UInt32, Int32, UnsafeMutableRawPointer?) -> Int32
    typealias SendCall = @convention(c) (Int32, UnsafeMutableRawPointer?, UInt32, Int32) -> Int32

    /// libc's `recvmmsg`, nil if libc lacks it.
    static let receiveCall: ReceiveCall? = dlsym(nil, "recvmmsg").map { unsafeBitCast($0, to: ReceiveCall.self) }
    /// libc's `sendmmsg`, nil if libc lacks it.
    static let sendCall: SendCall? = dlsym(nil, "sendmmsg").map { unsafeBitCast($0, to: SendCall.self) }

    /// Offset of `msg_len` inside `struct mmsghdr`.
    static let lengthOffset = MemoryLayout<msghdr>.size
    /// Size of one `struct mmsghdr`, as a C array strides it.
    static let stride: Int = {
        let alignment = MemoryLayout<msghdr>.alignment
        return (MemoryLayout<msghdr>.size + MemoryLayout<UInt32>.size + alignment - 1) / alignment * alignment
    }()

    let capacity: Int
    let headers: UnsafeMutableRawPointer
    let iovecs: UnsafeMutablePointer<iovec>
    let addresses: UnsafeMutablePointer<sockaddr_ll>

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        headers = UnsafeMutableRawPointer.allocate(byteCount: self.capacity * Self.stride, alignment: MemoryLayout<msghdr>.alignment)
        headers.initializeMemory(as: UInt8.self, repeating: 0, count: self.capacity * Self.stride)
        iovecs = UnsafeMutablePointer<iovec>.allocate(capacity: self.capacity)
        iovecs.initialize(repeating: iovec(), count: self.capacity)
        addresses = UnsafeMutablePointer<sockaddr_ll>.allocate(capacity: self.capacity)
        addresses.initialize(repeating: sockaddr_ll(), count: self.capacity)
    }

    deinit {
        addresses.deallocate()
        iovecs.deallocate()
        headers.deallocate()
    }

    /// Points entry `index` at `length` bytes of `buffer`, with the peer address slot when `withAddress`.
    @inline(__always)
    func set(_ index: Int, buffer: UnsafeMutableRawPointer, length: Int, withAddress: Bool) {
        iovecs[index] = iovec(iov_base: buffer, iov_len: length)
        var header = msghdr()
        if withAddress {
            header.msg_name = UnsafeMutableRawPointer(addresses + index)
            header.msg_namelen = socklen_t(MemoryLayout<sockaddr_ll>.size)
        }
        header.msg_iov = iovecs + index
        header.msg_iovlen = 1
        let entry = headers + index * Self.stride
        entry.storeBytes(of: header, as: msghdr.self)
        entry.storeBytes(of: UInt32(0), toByteOffset: Self.lengthOffset, as: UInt32.self)
    }

    /// The byte count the kernel stored for entry `index`.
    @inline(__always)
    func length(_ index: Int) -> Int {
        Int((headers + index * Self.stride).load(fromByteOffset: Self.lengthOffset, as: UInt32.self))
    }

    /// The `msg_flags` the kernel stored for entry `index` (MSG_TRUNC marks a cut frame).
    @inline(__always)
    func flags(_ index: Int) -> Int32 {
        (headers + index * Self.stride).load(as: msghdr.self).msg_flags
    }
}
