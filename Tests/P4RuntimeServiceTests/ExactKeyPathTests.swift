import P4Device
import P4Model
import P4RuntimeService
import Testing

/// All-EXACT tables take a fast key path (fields in key order, canonical, within width); everything else goes
/// through the general match validation. Both must give the same keys, the same canonical entries and the same
/// errors: these cases sit on the boundary between the two paths (table `ingress.exact`: meta.a 32 bits, meta.b 16).
@Suite("Write: the all-EXACT key path agrees with the general one")
struct ExactKeyPathTests {
    typealias T = TestPipeline

    private func entry(_ match: [FieldMatch], port: UInt64 = 1) -> TableEntry {
        TableEntry(tableId: T.exact, match: match, action: .action(T.setPortAction(port)))
    }

    @Test func reorderedPaddedAndZeroValuesAddressTheSameEntry() throws {
        let (service, _) = try T.service()
        // In key order and canonical: the fast path.
        try service.write(T.write([T.insert(T.exactEntry(0x0102_0304, 0x0506))]))
        // The same key with the fields swapped, or padded, or both: the general path finds the same entry.
        let swapped = entry([FieldMatch(fieldId: 2, .exact(value: [5, 6])), FieldMatch(fieldId: 1, .exact(value: [1, 2, 3, 4]))])
        let padded = entry([FieldMatch(fieldId: 1, .exact(value: [1, 2, 3, 4])), FieldMatch(fieldId: 2, .exact(value: [0, 0, 5, 6]))])
        for duplicate in [swapped, padded] {
            let error = T.firstError(service, T.write([T.insert(duplicate)]))
            #expect(error?.canonicalCode == .alreadyExists)
        }
        // A zero value (leading zero byte) and its padded form are one key.
        try service.write(T.write([T.insert(entry([FieldMatch(fieldId: 1, .exact(value: [0])),
                                                   FieldMatch(fieldId: 2, .exact(value: [7]))]))]))
        let zeroPadded = entry([FieldMatch(fieldId: 1, .exact(value: [0, 0, 0, 0])), FieldMatch(fieldId: 2, .exact(value: [7]))])
        #expect(T.firstError(service, T.write([T.insert(zeroPadded)]))?.canonicalCode == .alreadyExists)
        // MODIFY through the reordered form reaches the entry written in order; reads give canonical key order.
        var modify = swapped
        modify.action = .action(T.setPortAction(9))
        try service.write(T.write([T.update(.modify, .tableEntry(modify))]))
        let read = try T.read(service, [.tableEntry(TableEntry(tableId: T.exact))])
        #expect(read.count == 2)
        #expect(read.contains(Entity(.tableEntry(T.exactEntry(0x0102_0304, 0x0506, port: 9)))))
        // DELETE with the padded form removes it.
        try service.write(T.write([T.update(.delete, .tableEntry(padded))]))
        #expect(try T.read(service, [.tableEntry(TableEntry(tableId: T.exact))]).count == 1)
    }

    @Test func widthLimitIsTheSameOnBothPaths() throws {
        let (service, _) = try T.service()
        // 16 bits fit meta.b; 17 do not, whether or not the value is padded or the fields are reordered.
        #expect(T.firstError(service, T.write([T.insert(entry([FieldMatch(fieldId: 1, .exact(value: [1])),
                                                               FieldMatch(fieldId: 2, .exact(value: [0xff, 0xff]))]))])) == nil)
        let inOrder = T.firstError(service, T.write([T.insert(entry([
            FieldMatch(fieldId: 1, .exact(value: [2])), FieldMatch(fieldId: 2, .exact(value: [1, 0, 0]))]))]))
        let padded = T.firstError(service, T.write([T.insert(entry([
            FieldMatch(fieldId: 1, .exact(value: [2])), FieldMatch(fieldId: 2, .exact(value: [0, 1, 0, 0]))]))]))
        let reordered = T.firstError(service, T.write([T.insert(entry([
            FieldMatch(fieldId: 2, .exact(value: [1, 0, 0])), FieldMatch(fieldId: 1, .exact(value: [2]))]))]))
        #expect(inOrder?.canonicalCode == .outOfRange)
        #expect(inOrder?.message
            == "updates[0].entity.tableEntry.match[1].exact.value: value 0x010000 needs 17 bits, exceeds bitwidth 16 of field 'meta.b' (2)")
        #expect(padded?.message == inOrder?.message)
        #expect(reordered?.message
            == "updates[0].entity.tableEntry.match[0].exact.value: value 0x010000 needs 17 bits, exceeds bitwidth 16 of field 'meta.b' (2)")
        // Empty values, a missing field and an extra field are rejected as by the general path.
        let empty = T.firstError(service, T.write([T.insert(entry([
            FieldMatch(fieldId: 1, .exact(value: [])), FieldMatch(fieldId: 2, .exact(value: [1]))]))]))
        #expect(empty?.canonicalCode == .outOfRange)
        #expect(empty?.message.hasPrefix("updates[0].entity.tableEntry.match[0].exact.value: empty bytestring") == true)
        let missing = T.firstError(service, T.write([T.insert(entry([FieldMatch(fieldId: 1, .exact(value: [3]))]))]))
        #expect(missing?.message == "updates[0].entity.tableEntry.match: EXACT field 'meta.b' (2) is missing (EXACT fields cannot be omitted)")
        #expect(try T.read(service, [.tableEntry(TableEntry(tableId: T.exact))]).count == 1)
    }
}
