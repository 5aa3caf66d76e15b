import CNetLinux
import Glibc

/// Small helpers over the interface ioctls and name lookups that TAP and AF_PACKET ports share.
enum Interface {
    /// The interface's index in the current network namespace, or nil when no interface has that name.
    static func index(of name: String) -> Int32? {
        let index = if_nametoindex(name)
        return index == 0 ? nil : Int32(bitPattern: index)
    }

    /// An `ifreq` carrying `name` (already validated to fit).
    static func request(named name: String) -> ifreq {
        var request = ifreq()
        withUnsafeMutableBytes(of: &request.ifr_ifrn.ifrn_name) { buffer in
            for (offset, byte) in name.utf8.prefix(buffer.count - 1).enumerated() { buffer[offset] = byte }
        }
        return request
    }

    /// Sets IFF_UP on `name` (SIOCGIFFLAGS / SIOCSIFFLAGS through a throwaway datagram socket).
    static func bringUp(_ name: String, port: String) throws(PortError) {
        let control = socket(AF_INET, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard control >= 0 else { throw .system(port: port, operation: "socket(AF_INET)", errno: errno) }
        defer { Glibc.close(control) }
        var request = request(named: name)
        guard ioctl(control, UInt(SIOCGIFFLAGS), &request) == 0 else {
            throw failure(port: port, interface: name, operation: "read flags of \(name)", errno: errno)
        }
        request.ifr_ifru.ifru_flags |= Int16(IFF_UP)
        guard ioctl(control, UInt(SIOCSIFFLAGS), &request) == 0 else {
            throw failure(port: port, interface: name, operation: "bring \(name) up", errno: errno)
        }
    }

    /// Maps an errno from an interface operation to the error a user can act on.
    static func failure(port: String, interface: String, operation: String, errno code: Int32,
                        capability: String = "CAP_NET_ADMIN") -> PortError {
        switch code {
        case EPERM, EACCES: .permissionDenied(port: port, operation: operation, capability: capability)
        case ENODEV, ENXIO: .noSuchInterface(interface)
        default: .system(port: port, operation: operation, errno: code)
        }
    }
}
