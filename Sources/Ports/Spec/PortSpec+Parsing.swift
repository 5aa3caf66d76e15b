extension PortSpec {
    /// The forms `init(parsing:)` accepts, for error messages and help text.
    public static let syntax = "memory, pcap:IN[,OUT], pcap:,OUT, tap:NAME or afpacket:IFACE"

    /// Parses a port spec as typed on the command line. The kind before the first `:` is case-insensitive
    /// (`af_packet` is accepted for `afpacket`); surrounding whitespace is ignored. Throws
    /// `PortError.invalidSpec` naming the spec and what is wrong with it.
    public init(parsing text: String) throws(PortError) {
        let spec = text.trimmingWhitespace()
        func invalid(_ reason: String) -> PortError { .invalidSpec(spec, reason: reason) }
        guard !spec.isEmpty else { throw .invalidSpec(text, reason: "empty; expected \(Self.syntax)") }
        let kind: String
        let argument: String?
        if let colon = spec.firstIndex(of: ":") {
            kind = String(spec[..<colon]).lowercased()
            argument = String(spec[spec.index(after: colon)...])
        } else {
            kind = spec.lowercased()
            argument = nil
        }
        switch kind {
        case "memory":
            guard argument == nil else { throw invalid("memory takes no argument") }
            self = .memory
        case "pcap":
            guard let argument, !argument.isEmpty else {
                throw invalid("pcap needs a file: pcap:IN, pcap:IN,OUT or pcap:,OUT")
            }
            let files = argument.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard files.count <= 2 else {
                throw invalid("pcap takes at most two files (input and output), got \(files.count)")
            }
            let input = files[0].isEmpty ? nil : files[0]
            let output: String?
            if files.count == 2 {
                guard !files[1].isEmpty else { throw invalid("output file after ',' is empty") }
                output = files[1]
            } else {
                output = nil
            }
            guard input != nil || output != nil else { throw invalid("pcap needs an input or an output file") }
            if let input, input == output { throw invalid("input and output are the same file '\(input)'") }
            self = .pcap(input: input, output: output)
        case "tap", "afpacket", "af_packet":
            let what = kind == "tap" ? "tap" : "afpacket"
            guard let argument, !argument.isEmpty else { throw invalid("\(what) needs an interface name: \(what):NAME") }
            if let problem = InterfaceName.problem(with: argument) { throw invalid(problem) }
            self = kind == "tap" ? .tap(name: argument) : .afPacket(interface: argument)
        default:
            throw invalid("unknown port kind '\(kind)'; expected \(Self.syntax)")
        }
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
