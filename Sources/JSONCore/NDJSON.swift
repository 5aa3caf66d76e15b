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
        var start = 0
        var lineNumber = 1
        var blank = true
        for i in 0...bytes.count {
            let atEnd = i == bytes.count
            let byte: UInt8 = atEnd ? 0x0A : bytes[i]
            if byte == 0x0A {
                if !blank { result.append((lineNumber, start..<i)) }
                if atEnd { break }
                start = i + 1
                lineNumber += 1
                blank = true
            } else if byte != 0x20 && byte != 0x09 && byte != 0x0D {
                blank = false
            }
        }
        return result
    }

    /// Parses every non-blank line of `bytes`; results are in line order. With `parallel`, lines are parsed on
    /// all cores (`DispatchQueue.concurrentPerform` over chunks of lines).
    public static func parse(_ bytes: [UInt8], parser: JSONParser = JSONParser(), parallel: Bool = true) -> [NDJSONLine] {
        bytes.withUnsafeBytes { buffer in
            let found = lines(in: buffer)
            guard !found.isEmpty else { return [] }
            var results = [NDJSONLine?](repeating: nil, count: found.count)
            let chunks = (found.count + linesPerChunk - 1) / linesPerChunk
            results.withUnsafeMutableBufferPointer { out in
                let box = UnsafeSendableBuffer(out: out, input: buffer)
                let work: @Sendable (Int) -> Void = { chunk in
                    let lower = chunk * linesPerChunk
                    let upper = min(lower + linesPerChunk, found.count)
                    for i in lower..<upper {
                        let (lineNumber, range) = found[i]
                        let slice = UnsafeRawBufferPointer(rebasing: box.input[range])
                        let result: Result<JSONValue, JSONParseError>
                        do throws(JSONParseError) {
                            result = .success(try parser.parse(slice))
                        } catch {
                            var located = error
                            located.position += range.lowerBound
                            located.line = lineNumber
                            result = .failure(located)
                        }
                        box.out[i] = NDJSONLine(lineNumber: lineNumber, result: result)
                    }
                }
                if parallel && chunks > 1 {
                    DispatchQueue.concurrentPerform(iterations: chunks, execute: work)
                } else {
                    for chunk in 0..<chunks { work(chunk) }
                }
            }
            return results.compactMap { $0 }
        }
    }
}

/// Carries the raw buffers into `concurrentPerform`; each work item writes disjoint slots.
private struct UnsafeSendableBuffer: @unchecked Sendable {
    let out: UnsafeMutableBufferPointer<NDJSONLine?>
    let input: UnsafeRawBufferPointer
}
