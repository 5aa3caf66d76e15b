import Foundation
import JSONCore
import TestSupport

/// The Python interpreter named by `P4RTD_PYTHON` (set by `make test` to `.venv/bin/python`), used by the contract
/// tests; they skip with `skipMessage` when it is unset or lacks a module.
enum PythonEnvironment {
    /// The interpreter path, when `P4RTD_PYTHON` is set to an executable file.
    static let interpreter: String? = ChildProcess.executable(fromEnvironment: "P4RTD_PYTHON")

    /// True when the interpreter can import P4Runtime's bindings.
    static let hasP4Runtime: Bool = canImport("p4.v1.p4runtime_pb2, google.rpc.status_pb2")

    /// True when the interpreter can import `jsonschema`.
    static let hasJSONSchema: Bool = canImport("jsonschema")

    /// Why a contract test was skipped.
    static let skipMessage =
        "skipped: set P4RTD_PYTHON to a Python with p4runtime==1.6.0 and jsonschema (`make pydeps`, then `make test`)"

    private static func canImport(_ modules: String) -> Bool {
        guard interpreter != nil else { return false }
        return (try? run(["-c", "import \(modules)"]).status) == 0
    }

    /// Runs the interpreter with `arguments` (pure-python protobuf, as the p4runtime wheel needs) and returns its
    /// exit status and combined output.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        guard let interpreter else { return (-1, "no interpreter") }
        var environment = ProcessInfo.processInfo.environment
        environment["PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION"] = "python"
        return try ChildProcess.run(interpreter, arguments, environment: environment)
    }

    /// A fresh temporary file path.
    static func temporaryFile(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("p4json-\(UUID().uuidString)-\(name)")
    }
}

/// `value` with every object's members sorted by key, so documents can be compared modulo key order.
func sortedKeys(_ value: JSONValue) -> JSONValue {
    switch value {
    case .array(let elements): return .array(elements.map(sortedKeys))
    case .object(let object):
        let members = object.members.sorted { $0.key < $1.key }.map { ($0.key, sortedKeys($0.value)) }
        return .object(JSONObject(uniqueKeysWithValues: members))
    default: return value
    }
}

/// Where two JSON documents first differ (`updates[0].entity: "x" vs "y"`), or nil when they are equal modulo key
/// order; keeps failure messages short.
func firstDifference(_ lhs: JSONValue, _ rhs: JSONValue, at path: String = "$") -> String? {
    switch (lhs, rhs) {
    case (.object(let left), .object(let right)):
        let leftKeys = Set(left.keys)
        let rightKeys = Set(right.keys)
        if leftKeys != rightKeys {
            return "\(path): keys \(leftKeys.sorted()) vs \(rightKeys.sorted())"
        }
        for key in leftKeys.sorted() {
            if let difference = firstDifference(left[key] ?? .null, right[key] ?? .null, at: path + "." + key) {
                return difference
            }
        }
        return nil
    case (.array(let left), .array(let right)):
        if left.count != right.count { return "\(path): \(left.count) elements vs \(right.count)" }
        for index in left.indices {
            if let difference = firstDifference(left[index], right[index], at: path + "[\(index)]") {
                return difference
            }
        }
        return nil
    default:
        return lhs == rhs ? nil : "\(path): \(lhs.serializedString()) vs \(rhs.serializedString())"
    }
}
