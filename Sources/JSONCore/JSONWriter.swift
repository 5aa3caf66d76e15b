/// Appends JSON directly into a byte buffer, without building ``JSONValue`` trees: the hot path for streamed
/// answers (one object per NDJSON line for millions of entities).
///
/// Commas, colons and (in ``JSONStyle/pretty``) indentation are inserted automatically. The output for a sequence
/// of calls is byte-identical to serializing the equivalent ``JSONValue`` with the same style. Several top-level
/// values may be written one after another; separate them with ``newline()`` for NDJSON.
///
/// Misuse (a value inside an object without a key, unbalanced ends) is a programming error, checked by
/// assertions in debug builds.
///
/// The writer owns its buffer uniquely (it is noncopyable), so appending never checks for shared storage. Read the
/// output with ``withBytes(_:)`` or ``drain(into:)`` (no copy) or ``bytes`` / ``take()`` (a copy).
public struct JSONWriter: ~Copyable, Sendable {
    private var buffer: ByteBuffer
    /// The layout being produced.
    public let style: JSONStyle

    private static let isObjectBit: UInt8 = 1
    private static let hasElementsBit: UInt8 = 2
    /// One entry per open container: isObject / hasElements bits.
    private var open: ByteBuffer
    private var afterKey = false

    /// Creates a writer with an empty buffer of at least `capacity` bytes.
    public init(style: JSONStyle = .compact, reservingCapacity capacity: Int = 256) {
        self.style = style
        buffer = ByteBuffer(capacity: capacity)
        open = ByteBuffer(capacity: 16)
    }

    /// A copy of the bytes written so far.
    public var bytes: [UInt8] { buffer.array }

    /// Number of bytes written and not yet drained.
    public var count: Int { buffer.count }

    /// Calls `body` with the bytes written so far (valid only during the call).
    public func withBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try body(buffer.bytes)
    }

    /// Moves up to `destination.count` bytes from the front of the output into `destination` and returns how many;
    /// the rest stays for the next call (for pull-based streaming). Container state is unaffected.
    public mutating func drain(into destination: UnsafeMutableRawBufferPointer) -> Int {
        let n = min(destination.count, buffer.count)
        guard n > 0, let target = destination.baseAddress else { return 0 }
        target.copyMemory(from: buffer.base, byteCount: n)
        buffer.removeFirst(n)
        return n
    }

    /// Whether every container opened has been closed (and no key awaits its value).
    public var isComplete: Bool { open.isEmpty && !afterKey }

    /// Empties the buffer (keeping its storage) and forgets any open containers.
    public mutating func reset() {
        buffer.removeAll()
        open.removeAll()
        afterKey = false
    }

    /// Returns the bytes written and empties the writer.
    public mutating func take() -> [UInt8] {
        let result = buffer.array
        reset()
        return result
    }

    @inline(__always)
    private mutating func beforeElement() {
        if afterKey {
            afterKey = false
            return
        }
        guard !open.isEmpty else { return }
        let top = open.last
        assert(top & Self.isObjectBit == 0, "JSONWriter: value inside an object needs a key first")
        beginSlot(top)
    }

    @inline(__always)
    private mutating func beginSlot(_ top: UInt8) {
        if top & Self.hasElementsBit != 0 {
            buffer.append(UInt8(ascii: ","))
        } else {
            open.setLast(top | Self.hasElementsBit)
        }
        if style == .pretty { JSONEncoding.appendNewline(indent: open.count, to: &buffer) }
    }

    /// Writes a member name; the next call must write its value.
    public mutating func key(_ name: String) {
        assert(!afterKey && !open.isEmpty && open.last & Self.isObjectBit != 0, "JSONWriter: key outside an object")
        guard !open.isEmpty else { return }
        beginSlot(open.last)
        JSONEncoding.appendString(name, to: &buffer)
        buffer.append(UInt8(ascii: ":"))
        if style == .pretty { buffer.append(0x20) }
        afterKey = true
    }

    /// Writes a member name given as a literal made of ASCII letters, digits and `_` (so nothing to escape), with
    /// the same output as ``key(_:)``: the hot path of encoders that stream millions of small objects.
    public mutating func key(literal name: StaticString) {
        assert(!afterKey && !open.isEmpty && open.last & Self.isObjectBit != 0, "JSONWriter: key outside an object")
        assert(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount).allSatisfy {
            $0 == UInt8(ascii: "_") || ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A)
        }, "JSONWriter: key(literal:) needs a plain identifier")
        guard !open.isEmpty else { return }
        beginSlot(open.last)
        buffer.append(UInt8(ascii: "\""))
        buffer.append(name)
        buffer.append(UInt8(ascii: "\""))
        buffer.append(UInt8(ascii: ":"))
        if style == .pretty { buffer.append(0x20) }
        afterKey = true
    }

    /// Opens an object (`{`).
    public mutating func beginObject() {
        beforeElement()
        buffer.append(UInt8(ascii: "{"))
        open.append(Self.isObjectBit)
    }

    /// Closes the innermost object (`}`).
    public mutating func endObject() {
        assert(!afterKey && !open.isEmpty && open.last & Self.isObjectBit != 0, "JSONWriter: unbalanced endObject")
        close(UInt8(ascii: "}"))
    }

    /// Opens an array (`[`).
    public mutating func beginArray() {
        beforeElement()
        buffer.append(UInt8(ascii: "["))
        open.append(0 as UInt8)
    }

    /// Closes the innermost array (`]`).
    public mutating func endArray() {
        assert(!afterKey && !open.isEmpty && open.last & Self.isObjectBit == 0, "JSONWriter: unbalanced endArray")
        close(UInt8(ascii: "]"))
    }

    @inline(__always)
    private mutating func close(_ bracket: UInt8) {
        guard !open.isEmpty else { return }
        let top = open.last
        open.removeLast()
        if style == .pretty && top & Self.hasElementsBit != 0 {
            JSONEncoding.appendNewline(indent: open.count, to: &buffer)
        }
        buffer.append(bracket)
    }

    /// Writes a string value.
    public mutating func string(_ value: String) {
        beforeElement()
        JSONEncoding.appendString(value, to: &buffer)
    }

    /// Writes an integer value.
    public mutating func integer(_ value: Int64) {
        beforeElement()
        JSONEncoding.appendInteger(value, to: &buffer)
    }

    /// Writes a floating-point value (non-finite → `null`, as ``JSONValue/double(_:)`` serializes).
    public mutating func double(_ value: Double) {
        beforeElement()
        JSONEncoding.appendDouble(value, to: &buffer)
    }

    /// Writes `true` or `false`.
    public mutating func bool(_ value: Bool) {
        beforeElement()
        JSONEncoding.appendBool(value, to: &buffer)
    }

    /// Writes `null`.
    public mutating func null() {
        beforeElement()
        buffer.append("null")
    }

    /// Writes a whole ``JSONValue`` at the current position (indented to the current level in pretty style).
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let b): bool(b)
        case .integer(let i): integer(i)
        case .double(let d): double(d)
        case .string(let s): string(s)
        case .array(let elements):
            beginArray()
            for element in elements { self.value(element) }
            endArray()
        case .object(let object):
            beginObject()
            for member in object.members {
                key(member.key)
                self.value(member.value)
            }
            endObject()
        }
    }

    /// Writes `"name": "value"`.
    public mutating func member(_ name: String, _ value: String) {
        key(name)
        string(value)
    }

    /// Writes `"name": value` for an integer.
    public mutating func member(_ name: String, _ value: Int64) {
        key(name)
        integer(value)
    }

    /// Writes `"name": value` for a Boolean.
    public mutating func member(_ name: String, _ value: Bool) {
        key(name)
        bool(value)
    }

    /// Writes `"name": value` for any ``JSONValue``.
    public mutating func member(_ name: String, value: JSONValue) {
        key(name)
        self.value(value)
    }

    /// Appends a line feed between top-level values (NDJSON). Only valid when no container is open.
    public mutating func newline() {
        assert(isComplete, "JSONWriter: newline inside a value")
        buffer.append(0x0A as UInt8)
    }

    /// Appends bytes the caller guarantees to be one complete, valid JSON value in this writer's style (e.g. a
    /// pre-serialized fragment), as the next element.
    public mutating func rawValue(_ json: some Sequence<UInt8>) {
        beforeElement()
        buffer.append(contentsOf: json)
    }

    /// The generic `rawValue(_:)` for bytes already in memory (no generic dispatch: the proto3 scalars
    /// of streamed reads are written through it).
    public mutating func rawValue(_ json: UnsafeBufferPointer<UInt8>) {
        beforeElement()
        buffer.append(UnsafeRawBufferPointer(json))
    }
}
