/// Positions of P4Info objects of one kind by id, fully-qualified name, alias and unambiguous name suffix.
///
/// Name lookup tries, in order: the fully-qualified name (`ingress.ipv4_lpm`), the preamble alias, then any
/// dot-separated suffix of the name (`ipv4_lpm`, `c1.t`) that belongs to exactly one object of the kind.
struct NameIndex: Sendable {
    private(set) var byID: [UInt32: Int] = [:]
    private var byName: [String: Int] = [:]
    private var byAlias: [String: Int] = [:]
    /// Suffix → position, or -1 when several objects share the suffix.
    private var bySuffix: [String: Int] = [:]

    init() {}

    /// Indexes `preambles`; the first object wins when ids, names or aliases repeat (validation reports those).
    init(_ preambles: [P4Info.Preamble]) {
        for (position, preamble) in preambles.enumerated() {
            add(id: preamble.id, name: preamble.name, alias: preamble.alias, at: position)
        }
    }

    mutating func add(id: UInt32, name: String, alias: String, at position: Int) {
        if byID[id] == nil { byID[id] = position }
        if !name.isEmpty, byName[name] == nil { byName[name] = position }
        if !alias.isEmpty, byAlias[alias] == nil { byAlias[alias] = position }
        var suffixes: Set<Substring> = []
        var rest = Substring(name)
        while !rest.isEmpty {
            suffixes.insert(rest)
            guard let dot = rest.firstIndex(of: ".") else { break }
            rest = rest[rest.index(after: dot)...]
        }
        for suffix in suffixes {
            let key = String(suffix)
            if let existing = bySuffix[key], existing != position {
                bySuffix[key] = -1
            } else {
                bySuffix[key] = position
            }
        }
    }

    /// The position of the object with `id`.
    func position(of id: UInt32) -> Int? { byID[id] }

    /// The position of the object called `name` (fully-qualified, alias, or unambiguous suffix).
    func position(named name: String) -> Int? {
        if let position = byName[name] ?? byAlias[name] { return position }
        if let position = bySuffix[name], position >= 0 { return position }
        return nil
    }
}

/// Positions of the local items (match fields, parameters, metadata fields) of one P4Info object.
struct LocalIndex: Sendable {
    private var byID: [UInt32: Int] = [:]
    private var byName: [String: Int] = [:]

    init(_ items: [(id: UInt32, name: String)]) {
        for (position, item) in items.enumerated() {
            if byID[item.id] == nil { byID[item.id] = position }
            if byName[item.name] == nil { byName[item.name] = position }
        }
    }

    func position(of id: UInt32) -> Int? { byID[id] }
    func position(named name: String) -> Int? { byName[name] }
}
