import Foundation
import Testing
import TestSupport

/// A real p4rtd serving one shipped program (`p4info/NAME.p4info.txt`, `programs/NAME/NAME.spec` and its
/// context.json) on in-memory ports 0–7, with helpers to write canonical and friendly JSON and to inject packets.
final class ProgramServer {
    /// A response that was not what the test needed.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let name: String
    let server: P4RTDProcess
    let client: RawHTTPClient
    /// The program's P4Info as JSON (ids by name).
    let p4info: [String: Any]

    init(program name: String) throws {
        self.name = name
        server = try P4RTDProcess(arguments: [
            "--p4info", ProgramFiles.root.appendingPathComponent("p4info/\(name).p4info.txt").path,
            "--spec", ProgramFiles.root.appendingPathComponent("programs/\(name)/\(name).spec").path,
            "--context", ProgramFiles.root.appendingPathComponent("programs/\(name)/context.json").path,
        ])
        client = try server.client()
        let json = try ProgramFiles.text("p4info/\(name).p4info.json")
        p4info = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
    }

    static let json = [("Content-Type", "application/json")]

    // MARK: P4Info ids

    /// The id of the P4Info object of `kind` ("tables", "actions", "actionProfiles", "counters") whose alias is `alias`.
    func id(_ kind: String, _ alias: String) throws -> Int {
        for object in p4info[kind] as? [[String: Any]] ?? [] {
            let preamble = object["preamble"] as? [String: Any] ?? [:]
            if preamble["alias"] as? String == alias, let id = preamble["id"] as? Int { return id }
        }
        throw Failure(description: "\(name): no \(kind) named \(alias) in P4Info")
    }

    // MARK: Requests

    /// Sends `body` (JSON text) and requires HTTP 200; returns the parsed answer (nil for an empty one).
    @discardableResult
    func call(_ method: String, _ path: String, _ body: String? = nil) throws -> Any? {
        let response = try client.request(method, path, headers: body == nil ? [] : Self.json, body: body.map { Array($0.utf8) })
        guard response.status == 200 else {
            throw Failure(description: "\(method) \(path): HTTP \(response.status) \(response.text)")
        }
        return response.body.isEmpty ? nil : try JSONSerialization.jsonObject(with: Data(response.body), options: [.fragmentsAllowed])
    }

    /// A canonical P4Runtime `WriteRequest` (`POST /v1/write`) of INSERT updates, ROLLBACK_ON_ERROR.
    func writeCanonical(_ entities: [String]) throws {
        let updates = entities.map { #"{"type":"INSERT","entity":\#($0)}"# }.joined(separator: ",")
        try call("POST", "/v1/write", #"{"deviceId":"1","atomicity":"ROLLBACK_ON_ERROR","updates":[\#(updates)]}"#)
    }

    /// Injects `frame` on in-memory port `port`; returns what came out, in order.
    func inject(_ frame: [UInt8], port: UInt32) throws -> [(port: Int, bytes: [UInt8])] {
        let hex = frame.map { String(format: "%02x", $0) }.joined()
        let answer = try call("POST", "/v1/packets/\(port)", #"{"hex":"\#(hex)"}"#) as? [String: Any]
        return (answer?["outputs"] as? [[String: Any]] ?? []).map { output in
            (output["port"] as? Int ?? -1, Self.bytes(hex: output["hex"] as? String ?? ""))
        }
    }

    /// The packet and byte counts of `counterData`-like objects (`{"packetCount": "3", "byteCount": "120"}`).
    static func counts(_ data: Any?) -> (packets: Int, bytes: Int) {
        let object = data as? [String: Any] ?? [:]
        func number(_ key: String) -> Int {
            if let text = object[key] as? String { return Int(text) ?? -1 }
            return object[key] as? Int ?? 0
        }
        return (number("packetCount"), number("byteCount"))
    }

    // MARK: Values

    /// Canonical P4Runtime bytestring (shortest big-endian form, at least one byte) in base64.
    static func base64(_ value: UInt64) -> String {
        var bytes: [UInt8] = []
        var v = value
        repeat { bytes.insert(UInt8(v & 0xFF), at: 0); v >>= 8 } while v != 0
        return Data(bytes).base64EncodedString()
    }

    static func bytes(hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) {
            out.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return out
    }

    deinit { server.stop() }
}
