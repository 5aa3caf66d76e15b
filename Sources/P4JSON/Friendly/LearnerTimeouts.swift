import JSONCore
import P4Model

/// The body of `GET`/`PUT /v1/tables/{table}/timeouts`: the expire-time profiles of an add-on-miss table,
/// `{"table": "...", "timeouts": [{"profile": 0, "seconds": 120, "name": "udp"}, ...]}`. `table` and `name` are
/// optional (the path names the table; profile names are the client's labels, the server keeps none).
public struct LearnerTimeouts: Sendable, Hashable {
    /// One profile: its id (index in the table's `timeout` list) and seconds.
    public struct Profile: Sendable, Hashable {
        /// The profile id, from 0.
        public var profile: Int
        /// Seconds an entry armed with this profile lives without a refresh (1 to 2^32-1).
        public var seconds: UInt32
        /// A label for people (`established`), if the client knows one.
        public var name: String?

        /// A profile value.
        public init(profile: Int, seconds: UInt32, name: String? = nil) {
            self.profile = profile
            self.seconds = seconds
            self.name = name
        }
    }

    /// The table's P4Info name, when given.
    public var table: String?
    /// The profiles, in the order given (answers list every profile by id).
    public var timeouts: [Profile]

    /// A value with the given profiles.
    public init(table: String? = nil, timeouts: [Profile]) {
        self.table = table
        self.timeouts = timeouts
    }

    /// An answer listing every profile of `table`: `seconds[i]` is profile `i`.
    public init(table: String, seconds: [UInt32]) {
        self.table = table
        timeouts = seconds.enumerated().map { Profile(profile: $0.offset, seconds: $0.element) }
    }

    /// Decodes a body; errors name the JSON path (`timeouts[1].seconds: 0 is not ...`).
    ///
    /// - Throws: INVALID_ARGUMENT for anything but the documented shape: unknown keys, a missing or empty
    ///   `timeouts`, a profile that is not an integer ≥ 0, seconds that are not an integer from 1 to 4294967295.
    public static func decode(_ bytes: [UInt8]) throws(P4RuntimeError) -> LearnerTimeouts {
        try decode(ProtoJSON.parse(bytes))
    }

    /// Decodes a parsed body (see `decode(_:)`).
    public static func decode(_ value: JSONValue) throws(P4RuntimeError) -> LearnerTimeouts {
        guard case .object(let object) = value else { throw .invalidArgument("body: expected an object with \"timeouts\"") }
        var result = LearnerTimeouts(timeouts: [])
        var sawTimeouts = false
        for member in object.members {
            switch member.key {
            case "table":
                guard case .string(let name) = member.value else { throw .invalidArgument("table: expected a string") }
                result.table = name
            case "timeouts":
                guard case .array(let items) = member.value else { throw .invalidArgument("timeouts: expected an array") }
                guard !items.isEmpty else { throw .invalidArgument("timeouts: give at least one profile") }
                sawTimeouts = true
                for (position, item) in items.enumerated() {
                    result.timeouts.append(try profile(item, path: "timeouts[\(position)]"))
                }
            default:
                throw .invalidArgument("\(member.key): unknown key (expected \"table\" and \"timeouts\")")
            }
        }
        guard sawTimeouts else { throw .invalidArgument("timeouts: missing (a list of {\"profile\": N, \"seconds\": S})") }
        return result
    }

    private static func profile(_ value: JSONValue, path: String) throws(P4RuntimeError) -> Profile {
        guard case .object(let object) = value else { throw .invalidArgument("\(path): expected an object") }
        var profile: Int?
        var seconds: UInt32?
        var name: String?
        for member in object.members {
            switch member.key {
            case "profile":
                guard case .integer(let number) = member.value, number >= 0, number < 1 << 16 else {
                    throw .invalidArgument("\(path).profile: expected a profile id (an integer from 0)")
                }
                profile = Int(number)
            case "seconds":
                guard case .integer(let number) = member.value else {
                    throw .invalidArgument("\(path).seconds: expected an integer number of seconds")
                }
                guard number >= 1, number <= Int64(UInt32.max) else {
                    throw .invalidArgument("\(path).seconds: \(number) is out of range (1 to \(UInt32.max) seconds)")
                }
                seconds = UInt32(number)
            case "name":
                guard case .string(let text) = member.value else { throw .invalidArgument("\(path).name: expected a string") }
                name = text
            default:
                throw .invalidArgument("\(path).\(member.key): unknown key (expected \"profile\", \"seconds\", \"name\")")
            }
        }
        guard let profile else { throw .invalidArgument("\(path).profile: missing") }
        guard let seconds else { throw .invalidArgument("\(path).seconds: missing") }
        return Profile(profile: profile, seconds: seconds, name: name)
    }

    /// The JSON form (`table` and `name` only when set).
    public var json: JSONValue {
        var members: [(String, JSONValue)] = []
        if let table { members.append(("table", .string(table))) }
        members.append(("timeouts", .array(timeouts.map { profile in
            var fields: [(String, JSONValue)] = [("profile", .integer(Int64(profile.profile))),
                                                 ("seconds", .integer(Int64(profile.seconds)))]
            if let name = profile.name { fields.append(("name", .string(name))) }
            return .object(JSONObject(uniqueKeysWithValues: fields))
        })))
        return .object(JSONObject(uniqueKeysWithValues: members))
    }
}
