import Glibc
import P4JSON
import P4Model

/// Builds the SetForwardingPipelineConfig that `--p4info` asks for at start.
enum StartupPipeline {
    static func request(p4infoPath: String, deviceId: UInt64, deviceConfig: [UInt8] = [])
        throws(P4RuntimeError) -> SetForwardingPipelineConfigRequest
    {
        let bytes = try readFile(p4infoPath)
        let info = try p4Info(from: bytes, source: p4infoPath)
        var request = SetForwardingPipelineConfigRequest()
        request.deviceId = deviceId
        request.action = .verifyAndCommit
        request.config = ForwardingPipelineConfig(p4info: info, p4DeviceConfig: deviceConfig)
        return request
    }

    /// A P4Info file in either form p4c writes: JSON (first non-blank byte `{`) or protobuf text format.
    static func p4Info(from bytes: [UInt8], source: String) throws(P4RuntimeError) -> P4Info {
        let first = bytes.first { $0 != 0x20 && $0 != 0x0a && $0 != 0x0d && $0 != 0x09 }
        do {
            if first == UInt8(ascii: "{") { return try P4InfoJSON.decode(bytes) }
            return try P4Info.decode(textFormat: String(decoding: bytes, as: UTF8.self), source: source).p4info
        } catch {
            throw error.prefixed(source)
        }
    }

    static func readFile(_ path: String) throws(P4RuntimeError) -> [UInt8] {
        guard let file = fopen(path, "rb") else {
            throw .invalidArgument("\(path): cannot open (\(String(cString: strerror(errno))))")
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        if ferror(file) != 0 { throw .invalidArgument("\(path): read error") }
        return bytes
    }
}
