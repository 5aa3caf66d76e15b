/// Builds action data (an entry's `t.` bytes) from `NAME VALUE` argument pairs, DPDK's `action_args_parse` rule:
/// every argument of the args struct, in struct order, names checked; a value of at most 64 bits is a
/// `strtoull` number truncated to the argument width and stored little-endian, or big-endian when the action
/// keeps that argument in network byte order; a wider argument is a hex string of exactly `2 * bytes` digits
/// (optional `0x`) stored as written.
public enum SpecActionData {
    /// Why argument text was rejected.
    public struct Failure: Error, Sendable, Hashable {
        /// What is wrong, naming the argument.
        public var message: String
        /// Creates a failure.
        public init(message: String) { self.message = message }
    }

    /// Encodes `arguments` (alternating names and values) for an action whose args struct is `argsStruct`.
    /// `networkByteOrder[i]` gives the byte order of argument `i` (missing entries mean host order).
    public static func encode(arguments: [Substring], struct argsStruct: SpecStruct,
                              networkByteOrder: [Bool]) throws(Failure) -> [UInt8] {
        let fields = argsStruct.fields
        guard arguments.count == fields.count * 2 else {
            let names = fields.map(\.name).joined(separator: " ")
            throw Failure(message: "expected \(fields.count) argument(s) as NAME VALUE pairs in struct order "
                + "(\(names)), got \(arguments.count) token(s)")
        }
        var data: [UInt8] = []
        data.reserveCapacity(argsStruct.maximumByteSize)
        for (i, field) in fields.enumerated() {
            let name = arguments[2 * i]
            let text = arguments[2 * i + 1]
            guard name == field.name else {
                throw Failure(message: "argument \(i + 1) must be '\(field.name)', got '\(name)'")
            }
            if field.isBig {
                guard let bytes = CNumber.parseHexBytes(text, byteCount: field.byteWidth) else {
                    throw Failure(message: "argument '\(field.name)' (\(field.bitWidth) bits) needs exactly "
                        + "\(field.byteWidth * 2) hex digits, got '\(text)'")
                }
                data += bytes
            } else {
                guard let value = CNumber.parseUnsigned(text) else {
                    throw Failure(message: "argument '\(field.name)' value '\(text)' is not a number")
                }
                let nbo = i < networkByteOrder.count && networkByteOrder[i]
                data += bytes(of: value, width: field.byteWidth, bigEndian: nbo)
            }
        }
        return data
    }

    /// The low `width` bytes of `value`, little- or big-endian.
    public static func bytes(of value: UInt64, width: Int, bigEndian: Bool) -> [UInt8] {
        var result = (0..<width).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
        if bigEndian { result.reverse() }
        return result
    }

    /// Reads a value of at most 64 bits back from `width` bytes, little- or big-endian.
    public static func value<C: Collection>(of bytes: C, bigEndian: Bool) -> UInt64 where C.Element == UInt8 {
        let ordered = bigEndian ? Array(bytes) : Array(bytes.reversed())
        return ordered.reduce(0) { $0 << 8 | UInt64($1) }
    }
}
