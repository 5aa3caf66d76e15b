import JSONCore
import P4Model

/// The entry points of the canonical proto3 JSON mapping: bytes in, model values out, and back.
///
/// Decoding is strict by default (unknown fields are errors, as a server should be with requests); pass
/// `ignoresUnknownFields: true` to read responses from newer servers. Every error is a `P4RuntimeError` with code
/// INVALID_ARGUMENT whose message starts with the JSON path of the offending value.
public enum ProtoJSON {
    /// Parses JSON text with JSONCore, mapping syntax errors to INVALID_ARGUMENT `invalid JSON: line L, column C…`.
    public static func parse(_ bytes: [UInt8]) throws(P4RuntimeError) -> JSONValue {
        do {
            return try JSONParser().parse(bytes)
        } catch {
            throw .invalidArgument("invalid JSON: \(error)")
        }
    }

    /// Decodes one message from JSON text.
    public static func decode<M: ProtoJSONMessage>(
        _ type: M.Type, from bytes: [UInt8], ignoresUnknownFields: Bool = false
    ) throws(P4RuntimeError) -> M {
        try decode(type, from: try parse(bytes), ignoresUnknownFields: ignoresUnknownFields)
    }

    /// Decodes one message from JSON text held in a `String`.
    public static func decode<M: ProtoJSONMessage>(
        _ type: M.Type, from text: String, ignoresUnknownFields: Bool = false
    ) throws(P4RuntimeError) -> M {
        try decode(type, from: Array(text.utf8), ignoresUnknownFields: ignoresUnknownFields)
    }

    /// Decodes one message from an already parsed JSON value.
    public static func decode<M: ProtoJSONMessage>(
        _ type: M.Type, from value: JSONValue, ignoresUnknownFields: Bool = false
    ) throws(P4RuntimeError) -> M {
        var decoder = ProtoJSONDecoder(ignoresUnknownFields: ignoresUnknownFields)
        return try M(protoJSON: value, decoder: &decoder)
    }

    /// The message's compact proto3 JSON (lowerCamelCase keys in field-number order, defaults omitted).
    public static func encode<M: ProtoJSONMessage>(_ message: M) -> [UInt8] {
        var writer = JSONWriter(style: .compact)
        message.encode(to: &writer)
        return writer.take()
    }

    /// The message's proto3 JSON as a `String`; `pretty` indents it as `MessageToJson` does by default.
    public static func string<M: ProtoJSONMessage>(_ message: M, pretty: Bool = false) -> String {
        var writer = JSONWriter(style: pretty ? .pretty : .compact)
        message.encode(to: &writer)
        return String(decoding: writer.take(), as: UTF8.self)
    }

    /// The error as a `google.rpc.Status` JSON body (one Any-packed `p4.v1.Error` per detail).
    public static func encodeStatus(_ error: P4RuntimeError) -> [UInt8] { encode(error) }

    /// Reads a `google.rpc.Status` JSON body back into an error (clients).
    public static func decodeStatus(_ bytes: [UInt8]) throws(P4RuntimeError) -> P4RuntimeError {
        try decode(P4RuntimeError.self, from: bytes, ignoresUnknownFields: true)
    }
}
