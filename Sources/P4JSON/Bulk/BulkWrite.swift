import Dispatch
import JSONCore
import P4Model

/// The bulk NDJSON write form: one `p4.v1.Update` JSON object per line, with the request-level fields (device id,
/// election id, role, atomicity) given separately by the caller (e.g. from query parameters).
///
/// Lines are parsed and decoded on all cores. Blank lines are skipped; the N-th non-blank line is `updates[N]`,
/// so errors read exactly as they would for the equivalent single `WriteRequest`
/// (`updates[2].entity.tableEntry.tableId: …`), followed by the NDJSON line number.
public enum BulkWrite {
    /// Lines per parallel work item.
    static let linesPerChunk = 256

    /// Builds the `WriteRequest` for an NDJSON body of updates.
    ///
    /// - Throws: INVALID_ARGUMENT for the first line (in order) that is not valid JSON or not a valid `Update`.
    public static func decode(
        _ bytes: [UInt8], deviceId: UInt64, electionId: Uint128?, role: String = "",
        atomicity: Atomicity = .continueOnError, ignoresUnknownFields: Bool = false
    ) throws(P4RuntimeError) -> WriteRequest {
        let lines = NDJSON.parse(bytes)
        var results = [Result<Update, P4RuntimeError>?](repeating: nil, count: lines.count)
        let chunks = (lines.count + linesPerChunk - 1) / linesPerChunk
        results.withUnsafeMutableBufferPointer { buffer in
            let output = UpdateSlots(buffer)
            let work: @Sendable (Int) -> Void = { chunk in
                for index in chunk * linesPerChunk..<min((chunk + 1) * linesPerChunk, lines.count) {
                    output.store(decodeLine(lines[index], index: index, ignoresUnknownFields), at: index)
                }
            }
            if chunks > 1 {
                DispatchQueue.concurrentPerform(iterations: chunks, execute: work)
            } else {
                for chunk in 0..<chunks { work(chunk) }
            }
        }
        var updates: [Update] = []
        updates.reserveCapacity(lines.count)
        for result in results {
            switch result {
            case .success(let update)?: updates.append(update)
            case .failure(let error)?: throw error
            case nil: throw .internal("bulk write: a line was not decoded")
            }
        }
        return WriteRequest(
            deviceId: deviceId, role: role, electionId: electionId, updates: updates, atomicity: atomicity)
    }

    private static func decodeLine(_ line: NDJSONLine, index: Int, _ ignoresUnknownFields: Bool)
        -> Result<Update, P4RuntimeError>
    {
        switch line.result {
        case .failure(let error):
            return .failure(.invalidArgument("updates[\(index)]: invalid JSON: \(error)"))
        case .success(let value):
            var decoder = ProtoJSONDecoder(
                path: JSONPath([.key("updates"), .index(index)]), ignoresUnknownFields: ignoresUnknownFields)
            do {
                return .success(try Update(protoJSON: value, decoder: &decoder))
            } catch {
                return .failure(P4RuntimeError(error.code, error.message + " (NDJSON line \(line.lineNumber))"))
            }
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

/// Disjoint result slots written from `concurrentPerform` work items.
private struct UpdateSlots: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Result<Update, P4RuntimeError>?>
    init(_ buffer: UnsafeMutableBufferPointer<Result<Update, P4RuntimeError>?>) { self.buffer = buffer }
    func store(_ result: Result<Update, P4RuntimeError>, at index: Int) { buffer[index] = result }
}
