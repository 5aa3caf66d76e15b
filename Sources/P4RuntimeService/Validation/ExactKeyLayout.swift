import P4Device
import P4Model

/// The key of a table whose match fields are all EXACT with fixed-width (not string-translated) values, reduced to
/// plain values: what the write path's fast key check needs per field, without touching the `MatchFieldSchema`
/// values (each copy of one retains and releases two strings).
struct ExactKeyLayout: Sendable {
    /// One field in key order.
    struct Field: Sendable {
        let id: MatchFieldID
        let bitwidth: Int
        let byteCount: Int
    }

    let fields: [Field]
    /// Bytes of the encoded key, priority included.
    let keyByteCount: Int

    /// The layout of `fields`, or nil when a field is not a fixed-width EXACT field.
    init?(_ fields: [MatchFieldSchema]) {
        var layout: [Field] = []
        var total = 4
        for field in fields {
            guard field.matchType == .exact, !field.isSDNString else { return nil }
            layout.append(Field(id: field.id, bitwidth: field.bitwidth, byteCount: field.byteCount))
            total += field.byteCount
        }
        self.fields = layout
        self.keyByteCount = total
    }
}
