import Glibc

/// Why a port could not be set up or used. Every case names the port or file and the cause, in words a user
/// can act on; setting up a port never crashes the process, it throws one of these.
public enum PortError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A port spec typed by the user is not valid.
    case invalidSpec(String, reason: String)
    /// The operation needs privileges the process lacks; `capability` names the one that would do.
    case permissionDenied(port: String, operation: String, capability: String)
    /// No network interface has this name (in the process's network namespace).
    case noSuchInterface(String)
    /// `/dev/net/tun` is absent (no TUN/TAP support, or a container without the device).
    case tunDeviceMissing(path: String)
    /// The interface is already attached to another process's TAP file descriptor.
    case interfaceBusy(String)
    /// An interface with this name exists but is not a TAP device, so it cannot be opened as one.
    case notATapDevice(String)
    /// The interface disappeared while the port was in use (deleted, or its namespace went away).
    case interfaceGone(String)
    /// A pcap file could not be opened, read or written; `message` is libpcap's.
    case pcapFailed(path: String, message: String)
    /// The capture's link type is not Ethernet; `linkType` is its DLT number and name.
    case unsupportedLinkType(path: String, linkType: Int32, name: String)
    /// A frame given to the API is larger than the port's slots.
    case frameTooLarge(port: String, length: Int, limit: Int)
    /// A frame given to the API is empty.
    case emptyFrame(port: String)
    /// The port was closed.
    case closed(port: String)
    /// Any other failed system call, with its errno.
    case system(port: String, operation: String, errno: Int32)

    /// One line naming the port and the cause.
    public var description: String {
        switch self {
        case .invalidSpec(let spec, let reason):
            "invalid port spec '\(spec)': \(reason)"
        case .permissionDenied(let port, let operation, let capability):
            "\(port): \(operation): permission denied (needs root or \(capability))"
        case .noSuchInterface(let name):
            "no such network interface '\(name)' (check `ip link`; the port must be in p4rtd's network namespace)"
        case .tunDeviceMissing(let path):
            "\(path) is missing: the TUN/TAP driver is not available (load the tun module, or pass the device into the container)"
        case .interfaceBusy(let name):
            "interface '\(name)' is a TAP device already in use by another process"
        case .notATapDevice(let name):
            "interface '\(name)' exists and is not a TAP device; choose another name"
        case .interfaceGone(let name):
            "interface '\(name)' disappeared while in use"
        case .pcapFailed(let path, let message):
            "pcap file '\(path)': \(message)"
        case .unsupportedLinkType(let path, let linkType, let name):
            "pcap file '\(path)' has link type \(linkType) (\(name)); only Ethernet (1, EN10MB) is supported"
        case .frameTooLarge(let port, let length, let limit):
            "\(port): frame of \(length) bytes exceeds the port's limit of \(limit) bytes"
        case .emptyFrame(let port):
            "\(port): frame is empty"
        case .closed(let port):
            "\(port): port is closed"
        case .system(let port, let operation, let code):
            "\(port): \(operation) failed: \(String(cString: strerror(code))) (errno \(code))"
        }
    }
}
