import JSONCore
import P4Model

/// The streamed (NDJSON) form of a Read answer: one line per entity, each line a complete `p4.v1.ReadResponse`
/// holding that one entity (`{"entities":[{…}]}`), and, when the read failed after entities were sent, a final
/// `{"status":{…google.rpc.Status…}}` line.
///
/// Every line parses with `json_format.Parse` as a `ReadResponse` (except the status line), so generic P4Runtime
/// tooling can consume the stream. The writer appends straight into one buffer, which the HTTP layer drains.
public struct ReadStreamWriter: ~Copyable, Sendable {
    /// The NDJSON written so far.
    private var writer: JSONWriter

    /// Creates a stream writer with `capacity` bytes reserved.
    public init(capacity: Int = 64 * 1024) {
        writer = JSONWriter(style: .compact, reservingCapacity: capacity)
    }

    /// A copy of the bytes written so far.
    public var bytes: [UInt8] { writer.bytes }

    /// Number of bytes written and not yet taken or drained.
    public var count: Int { writer.count }

    /// Moves up to `destination.count` bytes from the front of the output into `destination` (pull-based
    /// streaming) and returns how many.
    public mutating func drain(into destination: UnsafeMutableRawBufferPointer) -> Int {
        writer.drain(into: destination)
    }

    /// Appends one entity line.
    public mutating func append(_ entity: Entity) {
        writer.beginObject()
        writer.key(literal: "entities")
        writer.beginArray()
        entity.encode(to: &writer)
        writer.endArray()
        writer.endObject()
        writer.newline()
    }

    /// Appends the final status line of a read that failed part-way.
    public mutating func appendStatus(_ error: P4RuntimeError) {
        writer.beginObject()
        writer.key(literal: "status")
        error.encode(to: &writer)
        writer.endObject()
        writer.newline()
    }

    /// Returns the bytes written and empties the buffer (keeping its capacity), for chunked output.
    public mutating func take() -> [UInt8] { writer.take() }
}

/// Reads the NDJSON form written by `ReadStreamWriter` (clients).
public enum ReadStream {
    /// The entities of a streamed read, in order, and the trailing status when there was one.
    ///
    /// Each line may also be a `ReadResponse` with any number of entities. Unknown fields are ignored (this is a
    /// response). Errors name the line (`line 3: entities[0].tableEntry…`).
    public static func decode(_ bytes: [UInt8]) throws(P4RuntimeError) -> (entities: [Entity], status: P4RuntimeError?)
    {
        var entities: [Entity] = []
        let status = try decode(bytes) { part in entities.append(contentsOf: part) }
        return (entities, status)
    }

    /// `decode(_:)` handing the entities to `body` in order, line by line (each line's entities), decoding up to
    /// `linesPerPart` lines at a time, so a large answer is never held decoded whole (a 650,000-entry read would be
    /// about a gigabyte). Returns the trailing status, if any.
    ///
    /// - Throws: as `decode(_:)`, after the entities of the lines before the failing one reached `body`.
    public static func decode(_ bytes: [UInt8], linesPerPart: Int = 65_536, _ body: ([Entity]) -> Void)
        throws(P4RuntimeError) -> P4RuntimeError? {
        try bytes.withUnsafeBytes { buffer in
            Result { () throws(P4RuntimeError) -> P4RuntimeError? in
                // Large answers are parsed and decoded on all cores, part by part (a big read is hundreds of
                // thousands of lines); each part's results are gathered in line order, so the first failing line
                // is the one reported.
                let found = NDJSON.lines(in: buffer)
                let parallel = buffer.count >= Self.parallelBytes
                var status: P4RuntimeError?
                var start = 0
                while start < found.count {
                    let end = min(start + max(1, linesPerPart), found.count)
                    let lines: [Result<Line, P4RuntimeError>] = NDJSON.decodeLines(
                        buffer, lines: found[start..<end], parallel: parallel,
                        prefilter: { line in scannedLine(line).map { .success($0) } }
                    ) { _, lineNumber, parsed in
                        switch parsed {
                        case .failure(let error):
                            return .failure(.invalidArgument("line \(lineNumber): invalid JSON: \(error)"))
                        case .success(let root):
                            do throws(P4RuntimeError) { return .success(try decodeLine(root.value)) } catch {
                                return .failure(error.prefixed("line \(lineNumber)"))
                            }
                        }
                    }
                    // Each line's entities go to `body` as decoded: gathering them first would copy every entity.
                    for line in lines {
                        switch line {
                        case .success(.entities(let entities)): body(entities)
                        case .success(.status(let error)): status = error
                        case .failure(let error): throw error
                        }
                    }
                    start = end
                }
                return status
            }
        }.get()
    }

    /// Answers at least this large are decoded on all cores; below it, waking the worker threads costs more than
    /// they save (a 10,000-entry answer, 2.6 MB, decoded in 31 ms on one core and 63 ms on two of a busy machine).
    static let parallelBytes = 8 << 20

    /// One line of a streamed read.
    public enum Line: Sendable, Equatable {
        /// A `ReadResponse` line.
        case entities([Entity])
        /// The final `{"status": …}` line.
        case status(P4RuntimeError)
    }

    /// A `ReadResponse` line of table entries in the common shape, read by ``JSONScanner`` without building a
    /// document; nil for anything else, which the full decoder then reads (and reports, if it is wrong).
    static func scannedLine(_ bytes: UnsafeRawBufferPointer) -> Line? {
        var s = JSONScanner(bytes)
        guard s.beginObject() else { return nil }
        var first = true
        guard case .next(let key) = s.nextMember(&first), key == "entities", s.beginArray() else { return nil }
        var entities: [Entity] = []
        var elementFirst = true
        while true {
            guard let more = s.nextElement(&elementFirst) else { return nil }
            if !more { break }
            guard let entity = FastUpdateDecoder.entity(&s) else { return nil }
            entities.append(entity)
        }
        guard case .end = s.nextMember(&first), s.finish() else { return nil }
        return .entities(entities)
    }

    /// Decodes one parsed line: a `ReadResponse`, or an object holding only `status`.
    public static func decodeLine(_ value: JSONValue) throws(P4RuntimeError) -> Line {
        if let statusValue = value["status"] {
            guard case .object(let object) = value, object.count == 1 else {
                throw .invalidArgument("a status line holds only \"status\"")
            }
            var decoder = ProtoJSONDecoder(path: JSONPath([.key("status")]), ignoresUnknownFields: true)
            return .status(try P4RuntimeError(protoJSON: statusValue, decoder: &decoder))
        }
        return .entities(try ProtoJSON.decode(ReadResponse.self, from: value, ignoresUnknownFields: true).entities)
    }
}
