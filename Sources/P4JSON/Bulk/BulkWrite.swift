import JSONCore
import P4Model

/// The bulk NDJSON write form: one `p4.v1.Update` JSON object per line, with the request-level fields (device id,
/// election id, role, atomicity) given separately by the caller (e.g. from query parameters).
///
/// Lines are parsed and decoded on all cores. Blank lines are skipped; the N-th non-blank line is `updates[N]`,
/// so errors read exactly as they would for the equivalent single `WriteRequest`
/// (`updates[2].entity.tableEntry.tableId: …`), followed by the NDJSON line number.
public enum BulkWrite {
    /// Builds the `WriteRequest` for an NDJSON body of updates.
    ///
    /// - Throws: INVALID_ARGUMENT for the first line (in order) that is not valid JSON or not a valid `Update`.
    public static func decode(
        _ bytes: [UInt8], deviceId: UInt64, electionId: Uint128?, role: String = "",
        atomicity: Atomicity = .continueOnError, ignoresUnknownFields: Bool = false
    ) throws(P4RuntimeError) -> WriteRequest {
        let updates = try bytes.withUnsafeBytes { buffer in
            Result { () throws(P4RuntimeError) in
                try decodeUpdates(buffer, lines: NDJSON.lines(in: buffer)[...], ignoresUnknownFields)
            }
        }.get()
        return WriteRequest(
            deviceId: deviceId, role: role, electionId: electionId, updates: updates, atomicity: atomicity)
    }

    /// The updates of some lines of an NDJSON body (a slice of ``NDJSON/lines(in:)``, whose indices are the
    /// updates' indices), decoded on all cores.
    ///
    /// - Throws: INVALID_ARGUMENT for the first of these lines (in order) that is not a valid `Update`.
    static func decodeUpdates(
        _ buffer: UnsafeRawBufferPointer, lines: ArraySlice<(lineNumber: Int, range: Range<Int>)>,
        _ ignoresUnknownFields: Bool
    ) throws(P4RuntimeError) -> [Update] {
        // Updates are decoded straight into the result array; a failed line leaves an empty update there and
        // its error in `errors` (same index). A second pass over [Result] would copy every update serially.
        let errors = LineErrors()
        let updates: [Update] = NDJSON.decodeLines(
            buffer, lines: lines, prefilter: { line in FastUpdateDecoder.update(scanning: line) }
        ) { index, lineNumber, parsed in
            switch parsed {
            case .failure(let error):
                errors.record(.invalidArgument("updates[\(index)]: invalid JSON: \(error)"), at: index)
                return Update()
            case .success(let root):
                if let update = FastUpdateDecoder.update(root) { return update }
                switch decodeLine(root.value, index: index, lineNumber: lineNumber, ignoresUnknownFields) {
                case .success(let update): return update
                case .failure(let error):
                    errors.record(error, at: index)
                    return Update()
                }
            }
        }
        if let error = errors.first { throw error }
        return updates
    }

    /// The full decoder for a line outside the fast subset: the update, or its error with the NDJSON line number.
    private static func decodeLine(_ value: JSONValue, index: Int, lineNumber: Int, _ ignoresUnknownFields: Bool)
        -> Result<Update, P4RuntimeError>
    {
        var decoder = ProtoJSONDecoder(
            path: JSONPath([.key("updates"), .index(index)]), ignoresUnknownFields: ignoresUnknownFields)
        do {
            return .success(try Update(protoJSON: value, decoder: &decoder))
        } catch {
            return .failure(P4RuntimeError(error.code, error.message + " (NDJSON line \(lineNumber))"))
        }
    }

    /// Encodes the updates of `request` as NDJSON, one `Update` per line (the inverse of `decode`, for clients).
    public static func encode(_ updates: [Update]) -> [UInt8] {
        var writer = JSONWriter(style: .compact, reservingCapacity: updates.count * 128)
        for update in updates {
            update.encode(to: &writer)
            writer.newline()
        }
        return writer.take()
    }
}
