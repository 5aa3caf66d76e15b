import Foundation
import JSONCore
import Yams

/// Rule files in JSON or YAML, read into a `JSONValue` (YAML through Yams; a document whose first non-blank
/// character is `{` or `[` is JSON).
public enum RuleDocument {
    /// Parses `bytes`; `source` names the file in errors.
    public static func parse(_ bytes: [UInt8], source: String) throws(KubernetesInputError) -> JSONValue {
        let first = bytes.first { ![0x20, 0x0a, 0x0d, 0x09].contains($0) }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            do {
                return try JSONValue.parse(bytes)
            } catch {
                throw KubernetesInputError("\(source): not JSON: \(error)")
            }
        }
        let loaded: Any?
        do {
            loaded = try Yams.load(yaml: String(decoding: bytes, as: UTF8.self))
        } catch {
            throw KubernetesInputError("\(source): not YAML: \(error)")
        }
        return try json(loaded, path: source)
    }

    static func json(_ value: Any?, path: String) throws(KubernetesInputError) -> JSONValue {
        switch value {
        case nil, is NSNull: return .null
        case let flag as Bool: return .bool(flag)
        case let number as Int: return .integer(Int64(number))
        case let number as Double: return .double(number)
        case let text as String: return .string(text)
        case let list as [Any]:
            var items: [JSONValue] = []
            for (index, item) in list.enumerated() { items.append(try json(item, path: "\(path)[\(index)]")) }
            return .array(items)
        case let map as [String: Any]:
            var members: [(String, JSONValue)] = []
            for key in map.keys.sorted() { members.append((key, try json(map[key], path: "\(path).\(key)"))) }
            return .object(JSONObject(uniqueKeysWithValues: members))
        default:
            throw KubernetesInputError("\(path): unsupported YAML value \(String(describing: value))")
        }
    }
}
