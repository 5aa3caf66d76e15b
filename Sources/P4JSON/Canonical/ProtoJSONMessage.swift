import JSONCore
import P4Model

/// A P4Runtime message with a proto3 JSON form (the one `json_format.MessageToJson` prints and `json_format.Parse`
/// reads for the `p4runtime` package).
public protocol ProtoJSONMessage: Sendable {
    /// The fully-qualified proto message name (`p4.v1.TableEntry`), used in error messages.
    static var protoName: String { get }

    /// Decodes the message from a parsed JSON value.
    ///
    /// - Throws: INVALID_ARGUMENT whose message starts with `decoder.path` and names what was wrong.
    init(protoJSON value: JSONValue, decoder: inout ProtoJSONDecoder) throws(P4RuntimeError)

    /// Writes the message as one JSON object value (lowerCamelCase keys, defaults omitted, presence kept).
    func encode(to writer: inout JSONWriter)
}
