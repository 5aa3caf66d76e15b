import Foundation
import P4Model

/// Turns a Foundation JSON value (from `JSONSerialization`) into the message tree P4Model decodes with
/// `.json` encoding: objects become messages, arrays lists, strings strings, numbers integers or floats,
/// booleans and null identifiers.
enum JSONTree {
    struct ShapeError: Error, CustomStringConvertible {
        var description: String
    }

    /// The top-level object as a message.
    static func message(from object: Any, path: String) throws -> ProtoMessage {
        guard case .message(let message) = try value(from: object, path: path) else {
            throw ShapeError(description: "\(path): the top level is not a JSON object")
        }
        return message
    }

    static func value(from object: Any, path: String) throws -> ProtoValue {
        switch object {
        case let dictionary as [String: Any]:
            // Sorted keys keep the tree deterministic; field order does not matter to the decoder.
            let fields = try dictionary.keys.sorted().map { key in
                ProtoField(name: key, value: try value(from: dictionary[key] as Any, path: "\(path).\(key)"))
            }
            return .message(ProtoMessage(fields))
        case let array as [Any]:
            return .list(try array.enumerated().map { try value(from: $0.element, path: "\(path)[\($0.offset)]") })
        case let string as String:
            return .string(Array(string.utf8))
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" { return .identifier(number.boolValue ? "true" : "false") }
            if let exact = UInt64(exactly: number.doubleValue), number.doubleValue.rounded() == number.doubleValue {
                return .integer(ProtoInteger(exact))
            }
            return .float(number.doubleValue)
        case is NSNull:
            return .identifier("null")
        default:
            throw ShapeError(description: "\(path): unsupported JSON value \(type(of: object))")
        }
    }
}
