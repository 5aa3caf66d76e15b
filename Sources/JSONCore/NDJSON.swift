import Dispatch

/// One parsed line of an NDJSON document.
public struct NDJSONLine: Sendable, Equatable {
    /// 1-based line number in the whole document.
    public var lineNumber: Int
    /// The value, or the parse error with line, column and byte position relative to the whole document.
    public var result: Result<JSONValue, JSONParseError>
}

/// Newline-delimited JSON: one value per line; blank lines (only spaces, tabs, CR) are skipped; a trailing CR is
/// ignored.
public enum NDJSON {
    /// Lines per parallel work item (amortizes dispatch overhead).
    static let linesPerChunk = 64

    /// The byte ranges and 1-based line numbers of the non-blank lines of `bytes`, in order.
    public static func lines(in bytes: UnsafeRawBufferPointer) -> [(lineNumber: Int, range: Range<Int>)] {
        var result: [(lineNumber: Int, range: Range<Int>)] = []
        let count = bytes.count
        // Bulk bodies have lines of a few hundred bytes: reserving for 128-byte lines avoids most regrowth.
        result.reserveCapacity(count / 128 + 1)
        var start = 0
        var lineNumber = 1
        while true {
            var end = start
            while end < count, bytes[end] == 0x20 || bytes[end] == 0x09 || bytes[end] == 0x0D { end += 1 }
            if end < count && bytes[end] != 0x0A {
                end = newline(in: bytes, from: end)
                result.append((lineNumber, start..<end))
            }
            if end >= count { break }
            start = end + 1
            lineNumber += 1
        }
        return result
    }

    /// The offset of the first `\n` at or after `offset`, or `bytes.count`; sixteen bytes per step (one SSE2
    /// compare), since this scan runs on one core before the lines are parsed on all of them.
    private static func newline(in bytes: UnsafeRawBufferPointer, from offset: Int) -> Int {
        let newlines = SIMD16<UInt8>(repeating: 0x0A)
        var i = offset
        while i + 16 <= bytes.count {
            let block = bytes.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
            if any(block .== newlines) { break }
            i += 16
        }
        while i < bytes.count && bytes[i] != 0x0A { i += 1 }
        return i
    }

    /// Parses every non-blank line of `bytes`; results are in line order. With `parallel`, lines are parsed on
    /// all cores (`DispatchQueue.concurrentPerform` over chunks of lines).
    public static func parse(_ bytes: [UInt8], parser: JSONParser = JSONParser(), parallel: Bool = true) -> [NDJSONLine] {
        bytes.withUnsafeBytes { buffer in
            decodeLines(buffer, parser: parser, parallel: parallel) { _, lineNumber, parsed in
                NDJSONLine(lineNumber: lineNumber, result: parsed.map(\.value))
            }
        }
    }

    /// Parses every non-blank line of `bytes` and hands each parsed document, borrowed, to `transform` together
    /// with the line's 0-based index among the non-blank lines and its 1-based line number; returns the results in
    /// line order. A line that is not valid JSON reaches `transform` as the parse error, located in the whole
    /// document (its line number and byte position). With `parallel`, lines are parsed on all cores; `transform`
    /// then runs concurrently on different lines and must not let the ``JSONNode`` escape. When `prefilter` is
    /// given it sees each line's raw bytes first, and a line it maps to a value is not parsed at all (a fast reader
    /// for the common shape, e.g. with ``JSONScanner``, that returns nil for anything else).
    public static func decodeLines<T>(
        _ bytes: UnsafeRawBufferPointer, parser: JSONParser = JSONParser(), parallel: Bool = true,
        prefilter: (@Sendable (_ line: UnsafeRawBufferPointer) -> T?)? = nil,
        _ transform: @Sendable (_ index: Int, _ lineNumber: Int, _ parsed: Result<JSONNode, JSONParseError>) -> T
    ) -> [T] {
        decodeLines(bytes, lines: lines(in: bytes)[...], parser: parser, parallel: parallel, prefilter: prefilter,
                    transform)
    }

    /// `decodeLines(_:parser:parallel:prefilter:_:)` for some of the document's lines, as found by
    /// ``lines(in:)``: a slice of that array, whose indices are the lines' 0-based indices among the non-blank
    /// lines (what `transform` receives). For decoding a large document in parts, in order.
    public static func decodeLines<T>(
        _ bytes: UnsafeRawBufferPointer, lines found: ArraySlice<(lineNumber: Int, range: Range<Int>)>,
        parser: JSONParser = JSONParser(), parallel: Bool = true,
        prefilter: (@Sendable (_ line: UnsafeRawBufferPointer) -> T?)? = nil,
        _ transform: @Sendable (_ index: Int, _ lineNumber: Int, _ parsed: Result<JSONNode, JSONParseError>) -> T
    ) -> [T] {
        let input = SharedBytes(bytes: bytes)
        let first = found.startIndex
        return parallelMap(count: found.count, perChunk: linesPerChunk, parallel: parallel) { offset in
            let i = first + offset
            let (lineNumber, range) = found[i]
            let slice = UnsafeRawBufferPointer(rebasing: input.bytes[range])
            if let prefilter, let early = prefilter(slice) { return early }
            do throws(JSONParseError) {
                return try parser.withDocument(slice) { root in transform(i, lineNumber, .success(root)) }
            } catch {
                var located = error
                located.position += range.lowerBound
                located.line = lineNumber
                return transform(i, lineNumber, .failure(located))
            }
        }
    }
}

