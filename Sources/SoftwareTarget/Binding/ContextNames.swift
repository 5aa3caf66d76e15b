import JSONCore
/// The names context.json gives: for each P4Info table or action profile, its spec object name and the spec
/// name of each of its actions (p4c-dpdk's `target_name`, whose last component is the spec name).
struct ContextNames: Sendable {
    /// Spec object name by P4Info table (or action profile) name.
    var objectNames: [String: String] = [:]
    /// Spec action name by (P4Info table or profile name, P4Info action name).
    var actionNames: [String: [String: String]] = [:]
    /// Spec extern (regarray/metarray) base name by P4Info extern name.
    var externNames: [String: String] = [:]

    /// Reads the `tables` and `externs` arrays of a context.json document.
    init(_ context: JSONValue) {
        for table in context["tables"]?.arrayValue ?? [] {
            guard let name = table["name"]?.stringValue else { continue }
            if let target = table["target_name"]?.stringValue { objectNames[name] = Self.lastComponent(target) }
            var actions: [String: String] = [:]
            for action in table["actions"]?.arrayValue ?? [] {
                if let p4Name = action["name"]?.stringValue, let target = action["target_name"]?.stringValue {
                    actions[p4Name] = Self.lastComponent(target)
                }
            }
            actionNames[name] = actions
        }
        for extern in context["externs"]?.arrayValue ?? [] {
            if let name = extern["name"]?.stringValue, let target = extern["target_name"]?.stringValue {
                externNames[name] = target
            }
        }
    }

    /// The text after the last `.` (p4c-dpdk's and p4-dpdk-target's rule for spec names).
    static func lastComponent(_ name: String) -> String {
        if let dot = name.lastIndex(of: ".") { return String(name[name.index(after: dot)...]) }
        return name
    }
}
