import ArgumentParser

/// `HOST:PORT` as given to `--listen`; IPv6 hosts are written in brackets (`[::1]:9559`).
struct ListenAddress {
    var host: String
    var port: UInt16

    init(parsing text: String) throws {
        let hostPart: Substring
        let portPart: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else {
                throw ValidationError("--listen: '\(text)' is not [IPV6]:PORT")
            }
            hostPart = text[text.index(after: text.startIndex)..<close]
            portPart = text[text.index(close, offsetBy: 2)...]
        } else {
            guard let colon = text.lastIndex(of: ":") else { throw ValidationError("--listen: '\(text)' is not HOST:PORT") }
            hostPart = text[..<colon]
            portPart = text[text.index(after: colon)...]
        }
        guard !hostPart.isEmpty else { throw ValidationError("--listen: '\(text)' has no host (use 127.0.0.1 or 0.0.0.0)") }
        guard let port = UInt16(portPart) else { throw ValidationError("--listen: '\(portPart)' is not a port number 0-65535") }
        host = hostPart == "localhost" ? "127.0.0.1" : String(hostPart)
        self.port = port
    }

    /// The host as it goes in a URL (IPv6 in brackets).
    var urlHost: String { host.contains(":") ? "[\(host)]" : host }
}
