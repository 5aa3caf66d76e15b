import JSONCore
import P4Model

/// The program a `ForwardingPipelineConfig.p4_device_config` carries for the software target, whichever of the
/// three accepted forms it came in:
/// - (a) a JSON object `{"spec": "<.spec text>", "context": {…} | "<json text>", "bfrt": …, "tdi": …}`
///   (`context.json`, `bfrt.json` and `tdi.json` are also accepted as key names);
/// - (b) IPDK's binary `BfPipelineConfig` / `TdiDeviceConfig` (`SpecPipelineConfig`);
/// - (c) the bare `.spec` text.
public struct PipelineSource: Sendable {
    /// Which form the bytes were.
    public enum Form: String, Sendable, Hashable {
        /// The JSON object form.
        case json
        /// IPDK's protobuf form.
        case ipdkBinary
        /// Bare `.spec` text.
        case specText
    }

    /// The form recognised.
    public var form: Form
    /// The `.spec` text.
    public var specText: String
    /// The parsed context.json, if any.
    public var context: JSONValue?
    /// The parsed bfrt.json / tdi.json, if any.
    public var bfrt: JSONValue?

    /// Recognises and decodes `bytes`.
    ///
    /// - Throws: INVALID_ARGUMENT naming the form tried and the problem (`config.p4DeviceConfig: …`).
    public init(deviceConfig bytes: [UInt8]) throws(P4RuntimeError) {
        let path = "config.p4DeviceConfig"
        guard !bytes.isEmpty else { throw .invalidArgument("\(path): empty device config") }
        let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        if first == UInt8(ascii: "{") {
            let document: JSONValue
            do { document = try JSONValue.parse(bytes) } catch {
                throw .invalidArgument("\(path): not valid JSON: \(error)")
            }
            guard let spec = document["spec"]?.stringValue else {
                throw .invalidArgument("\(path).spec: the JSON device config needs a \"spec\" string holding the .spec text")
            }
            form = .json
            specText = spec
            context = try Self.embedded(document, keys: ["context", "context.json", "contextJson"], path: path)
            bfrt = try Self.embedded(document, keys: ["bfrt", "bfrt.json", "tdi", "tdi.json", "bfrtJson", "tdiJson"],
                                     path: path)
            return
        }
        let binary: Result<SpecPipelineConfig, DeviceConfigError>
        do throws(DeviceConfigError) { binary = .success(try SpecPipelineConfig(deviceConfig: bytes)) } catch {
            binary = .failure(error)
        }
        if case .success(let config) = binary {
            form = .ipdkBinary
            specText = config.specText
            context = try config.contextJSON.map { bytes throws(P4RuntimeError) in
                do { return try JSONValue.parse(bytes) } catch {
                    throw .invalidArgument("\(path): context.json inside the IPDK config is not valid JSON: \(error)")
                }
            }
            bfrt = config.tdiJSON.flatMap { try? JSONValue.parse($0) }
            return
        }
        guard let text = String(validating: bytes, as: UTF8.self), !bytes.contains(0) else {
            if case .failure(let error) = binary { throw .invalidArgument("\(path): \(error)") }
            throw .invalidArgument("\(path): neither JSON, an IPDK pipeline config nor .spec text")
        }
        form = .specText
        specText = text
        context = nil
        bfrt = nil
    }

    private static func embedded(_ document: JSONValue, keys: [String], path: String) throws(P4RuntimeError)
        -> JSONValue?
    {
        for key in keys {
            guard let value = document[key] else { continue }
            switch value {
            case .null: return nil
            case .object: return value
            case .string(let text):
                do { return try JSONValue.parse(Array(text.utf8)) } catch {
                    throw .invalidArgument("\(path).\(key): not valid JSON: \(error)")
                }
            default: throw .invalidArgument("\(path).\(key): expected an object or a JSON string")
            }
        }
        return nil
    }
}
