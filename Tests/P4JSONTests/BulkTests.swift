import JSONCore
@testable import P4JSON
import P4Model
import Testing

@Suite("NDJSON bulk write and streamed read")
struct BulkTests {
    static func update(_ index: Int) -> Update {
        Update(type: .insert, entity: .tableEntry(TableEntry(
            tableId: 0x0200_0001, match: [FieldMatch(fieldId: 1, .exact(value: Bytestring.encode(UInt64(index))))],
            action: .action(Action(actionId: 0x0100_0001, params: [Action.Param(paramId: 1, value: [1])])))))
    }

    @Test func bulkWriteRoundTripsThousandsOfLinesInOrder() throws {
        let updates = (0..<3000).map(Self.update)
        let body = BulkWrite.encode(updates)
        let request = try BulkWrite.decode(
            body, deviceId: 1, electionId: Uint128(low: 7), role: "r", atomicity: .rollbackOnError)
        #expect(request == WriteRequest(
            deviceId: 1, role: "r", electionId: Uint128(low: 7), updates: updates, atomicity: .rollbackOnError))
    }

    @Test func bulkWriteErrorsNameTheUpdateAsInOneWriteRequest() throws {
        var lines = (0..<600).map { String(decoding: ProtoJSON.encode(Self.update($0)), as: UTF8.self) }
        lines[450] = #"{"type": "INSERT", "entity": {"tableEntry": {"tableId": "x"}}}"#
        lines[500] = "{not json"
        let body = Array(("\n" + lines.joined(separator: "\n") + "\n").utf8)
        do {
            _ = try BulkWrite.decode(body, deviceId: 1, electionId: nil)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidArgument)
            #expect(error.message == #"updates[450].entity.tableEntry.tableId: expected integer, got string "x" (NDJSON line 452)"#)
        }
    }

    @Test func theEarliestFailedLineIsReportedWhateverChunkFinishesFirst() throws {
        // Failures in different 64-line work items (decoded concurrently): the first in line order wins.
        var lines = (0..<2_000).map { String(decoding: ProtoJSON.encode(Self.update($0)), as: UTF8.self) }
        for index in [1_900, 700, 70] { lines[index] = "{not json \(index)" }
        lines[1_000] = #"{"type": "INSERT", "entity": {"tableEntry": {"tableId": "x"}}}"#
        let body = Array(lines.joined(separator: "\n").utf8)
        for _ in 0..<5 {
            let error = try #require(throws: P4RuntimeError.self) {
                try BulkWrite.decode(body, deviceId: 1, electionId: nil)
            }
            #expect(error.message.hasPrefix("updates[70]: invalid JSON: "))
        }
        lines[70] = String(decoding: ProtoJSON.encode(Self.update(70)), as: UTF8.self)
        lines[700] = String(decoding: ProtoJSON.encode(Self.update(700)), as: UTF8.self)
        let error = try #require(throws: P4RuntimeError.self) {
            try BulkWrite.decode(Array(lines.joined(separator: "\n").utf8), deviceId: 1, electionId: nil)
        }
        #expect(error.message == #"updates[1000].entity.tableEntry.tableId: expected integer, got string "x" (NDJSON line 1001)"#)
    }

    @Test func readStreamHandsEntitiesOverLineByLineInOrder() throws {
        var stream = ReadStreamWriter()
        let entities = (0..<250).map { index in
            Entity(.tableEntry(TableEntry(tableId: 0x0200_0001, match: [FieldMatch(fieldId: 1, .exact(value: Bytestring.encode(UInt64(index))))])))
        }
        for entity in entities { stream.append(entity) }
        var parts: [[Entity]] = []
        let status = try ReadStream.decode(stream.bytes, linesPerPart: 100) { parts.append($0) }
        #expect(status == nil)
        #expect(parts.count == 250 && parts.allSatisfy { $0.count == 1 })
        #expect(parts.flatMap { $0 } == entities)
        // A broken line: the parts before it are handed over, then its error is thrown.
        var lines = stream.bytes.split(separator: UInt8(ascii: "\n")).map(Array.init)
        lines[180] = Array("{oops".utf8)
        var before: [Entity] = []
        let error = try #require(throws: P4RuntimeError.self) {
            _ = try ReadStream.decode(Array(lines.joined(separator: [UInt8(ascii: "\n")])), linesPerPart: 100) {
                before.append(contentsOf: $0)
            }
        }
        #expect(error.message.hasPrefix("line 181: invalid JSON"))
        #expect(before == Array(entities[0..<180]))
    }

    @Test func bulkWriteReportsBadJSONLines() throws {
        let body = Array("{\"type\":\"INSERT\"}\n{oops\n".utf8)
        let error = try #require(throws: P4RuntimeError.self) {
            try BulkWrite.decode(body, deviceId: 1, electionId: nil)
        }
        #expect(error.message.hasPrefix("updates[1]: invalid JSON: "))
    }

    @Test func readStreamLinesAreReadResponsesAndEndWithStatus() throws {
        var stream = ReadStreamWriter()
        let entities = (0..<5).map { index -> Entity in
            .counterEntry(CounterEntry(counterId: 0x1200_0001, index: Index(Int64(index)), data: CounterData(
                byteCount: Int64(index) * 100, packetCount: Int64(index))))
        }
        for entity in entities { stream.append(entity) }
        stream.appendStatus(P4RuntimeError(.resourceExhausted, "read limit"))
        let text = String(decoding: stream.bytes, as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines[1] == #"{"entities":[{"counterEntry":{"counterId":301989889,"index":{"index":"1"},"data":{"byteCount":"100","packetCount":"1"}}}]}"#)
        #expect(lines[0].contains(#""index":{}"#))
        #expect(lines[5] == #"{"status":{"code":8,"message":"read limit"}}"#)
        let decoded = try ReadStream.decode(stream.bytes)
        #expect(decoded.entities == entities)
        #expect(decoded.status == P4RuntimeError(.resourceExhausted, "read limit"))
        let total = stream.count
        #expect(stream.take().count == total)
        #expect(stream.count == 0)
    }

    @Test func readStreamTableEntriesDecodeAlikeOnTheScannedAndTheFullPath() throws {
        // Entries in the scanned subset (exact, ternary, LPM, range; direct action; member; priority) next to
        // entries outside it (counter data, int64 strings), and one malformed line that both paths must refuse.
        var stream = ReadStreamWriter()
        var entries: [Entity] = []
        for index in 0..<4 {
            var entry = TableEntry(tableId: 0x0200_0001)
            entry.match = [
                FieldMatch(fieldId: 1, .exact(value: [UInt8(index), 1])),
                FieldMatch(fieldId: 2, .ternary(value: [0x0A], mask: [0xFF])),
                FieldMatch(fieldId: 3, .lpm(value: [10, 0, 0, 0], prefixLen: 8)),
                FieldMatch(fieldId: 4, .range(low: [1], high: [9])),
            ]
            entry.priority = Int32(index + 1)
            entry.action = index == 3 ? TableAction(.actionProfileMemberId(7))
                : TableAction(.action(Action(actionId: 0x0100_0002, params: [Action.Param(paramId: 1, value: [UInt8(index)])])))
            if index == 2 { entry.counterData = CounterData(byteCount: 1 << 40, packetCount: 3) }
            entries.append(Entity(.tableEntry(entry)))
        }
        for entity in entries { stream.append(entity) }
        let scanned = stream.bytes.split(separator: UInt8(ascii: "\n")).map { line in
            Array(line).withUnsafeBytes { ReadStream.scannedLine($0) }
        }
        #expect(scanned.map { $0 != nil } == [true, true, false, true])
        #expect(scanned[0] == .entities([entries[0]]))
        #expect(scanned[3] == .entities([entries[3]]))
        #expect(try ReadStream.decode(stream.bytes).entities == entries)

        // A learned entry's ageing (`idleTimeoutNs` as the int64 string servers print) stays on the scanned path;
        // strings the full decoder would judge stay off it.
        var learned = TableEntry(tableId: 0x0200_0001)
        learned.match = [FieldMatch(fieldId: 1, .exact(value: [9]))]
        learned.idleTimeoutNs = 8_000_000_000_000
        var aged = ReadStreamWriter()
        aged.append(Entity(.tableEntry(learned)))
        let agedLine = Array(aged.bytes.split(separator: UInt8(ascii: "\n"))[0])
        #expect(String(decoding: agedLine, as: UTF8.self).contains(#""idleTimeoutNs":"8000000000000""#))
        #expect(agedLine.withUnsafeBytes { ReadStream.scannedLine($0) } == .entities([Entity(.tableEntry(learned))]))
        for odd in [#"" 5""#, #""5 ""#, #""+5""#, #""05""#, #""-""#, #""5.0""#] {
            let line = Array(#"{"entities":[{"tableEntry":{"tableId":1,"idleTimeoutNs":\#(odd)}}]}"#.utf8)
            #expect(line.withUnsafeBytes { ReadStream.scannedLine($0) } == nil, "\(odd)")
        }

        let broken = Array(#"{"entities":[{"tableEntry":{"tableId":1,"match":[{"fieldId":1,"exact":{"value":"A"}}]}}]}"#.utf8)
        #expect(broken.withUnsafeBytes { ReadStream.scannedLine($0) } == nil)
        #expect(throws: P4RuntimeError.self) { try ReadStream.decode(broken) }
    }
}

@Suite("NDJSON bulk write decoded in parts")
struct BulkWriteStreamTests {
    static func body(_ lines: [String]) -> [UInt8] { Array(lines.joined(separator: "\n").utf8) }

    static func validLines(_ count: Int) -> [String] {
        (0..<count).map { String(decoding: ProtoJSON.encode(BulkTests.update($0)), as: UTF8.self) }
    }

    /// Every part, in order, until the end or the error.
    static func drain(_ stream: BulkWriteStream) -> (parts: [[Update]], error: P4RuntimeError?) {
        var parts: [[Update]] = []
        do {
            while let part = try stream.next() { parts.append(part) }
            return (parts, nil)
        } catch {
            return (parts, error)
        }
    }

    @Test func partsConcatenateToTheWholeDecodeInOrder() throws {
        let lines = Self.validLines(1_000)
        let stream = BulkWriteStream(body: Self.body(lines), linesPerPart: 96, partsAhead: 2)
        defer { stream.cancel() }
        #expect(stream.count == 1_000)
        let (parts, error) = Self.drain(stream)
        #expect(error == nil)
        #expect(parts.map(\.count) == Array(repeating: 96, count: 10) + [40])
        #expect(parts.flatMap { $0 } == (0..<1_000).map(BulkTests.update))
        #expect(try stream.next() == nil)
    }

    @Test func aBadLineInALaterPartThrowsTheWholeDecodesErrorAfterThePartsBeforeIt() throws {
        var lines = Self.validLines(500)
        lines[333] = #"{"type": "INSERT", "entity": {"tableEntry": {"tableId": "x"}}}"#
        lines[480] = "{not json"
        let body = Self.body(lines)
        let whole = try #require(throws: P4RuntimeError.self) { try BulkWrite.decode(body, deviceId: 1, electionId: nil) }
        let stream = BulkWriteStream(body: body, linesPerPart: 100)
        defer { stream.cancel() }
        let (parts, error) = Self.drain(stream)
        #expect(parts.count == 3)
        #expect(error == whole)
        #expect(error?.message == #"updates[333].entity.tableEntry.tableId: expected integer, got string "x" (NDJSON line 334)"#)
        #expect(try stream.next() == nil)
    }

    @Test func blankLinesAreSkippedAndAnEmptyBodyEndsAtOnce() throws {
        let empty = BulkWriteStream(body: Array("\n \n\r\n".utf8))
        defer { empty.cancel() }
        #expect(empty.count == 0)
        #expect(try empty.next() == nil)
        let lines = Self.validLines(3)
        let spaced = BulkWriteStream(body: Array(("\n" + lines.joined(separator: "\n\n") + "\n").utf8), linesPerPart: 2)
        defer { spaced.cancel() }
        #expect(Self.drain(spaced).parts.map(\.count) == [2, 1])
    }

    @Test func cancellingAfterOnePartStopsTheDecoderAndEndsTheStream() throws {
        // One part of room: the decoder waits for the consumer; cancel must release it rather than leave it blocked.
        let stream = BulkWriteStream(body: Self.body(Self.validLines(2_000)), linesPerPart: 10, partsAhead: 1)
        #expect(try stream.next()?.count == 10)
        stream.cancel()
        stream.cancel()
        #expect(try stream.next() == nil)
    }
}
