import JSONCore
import P4JSON
import P4Model
import Testing

/// The fast decoding paths (JSONScanner and JSONNode readers) must give exactly the full decoder's result: the same
/// value for what they accept, and for everything else the full decoder's own value or error.
@Suite("Fast update decoding agrees with the full decoder")
struct FastDecodingTests {
    static let exact = #"{"type":"INSERT","entity":{"tableEntry":{"tableId":33554433,"match":[{"fieldId":1,"exact":{"value":"CgAAAQ=="}},{"fieldId":2,"exact":{"value":"CmAAAQ=="}}],"action":{"action":{"actionId":16777217,"params":[{"paramId":1,"value":"AQ=="},{"paramId":2,"value":"Ag=="}]}}}}}"#

    /// Updates inside and outside the fast subset, valid and invalid.
    static let updates: [String] = [
        exact,
        #"{"type":"MODIFY","entity":{"tableEntry":{"tableId":1,"match":[{"fieldId":1,"lpm":{"value":"CgAAAA==","prefixLen":8}},{"fieldId":2,"ternary":{"value":"AQ==","mask":"Dw=="}},{"fieldId":3,"range":{"low":"AQ==","high":"Ag=="}},{"fieldId":4,"optional":{"value":"AQ=="}}],"priority":10,"idleTimeoutNs":5,"metadata":"AAE=","isDefaultAction":false}}}"#,
        #"{"type":"DELETE","entity":{"tableEntry":{"tableId":1,"action":{"actionProfileMemberId":3}}}}"#,
        #"{"type":2,"entity":{"tableEntry":{"tableId":1,"action":{"actionProfileGroupId":4}}}}"#,
        #"{ "type" : "INSERT" ,"entity": { "tableEntry" : { "tableId" : 1 , "match" : [ ] } } }"#,
        "{\n  \"type\": \"INSERT\",\n  \"entity\": {\"tableEntry\": {\"tableId\": 7}}\r\n}",
        #"{}"#,
        #"{"entity":{}}"#,
        #"{"type":"UNSPECIFIED","entity":{"tableEntry":{}}}"#,
        #"{"type":"insert_typo","entity":{"tableEntry":{"tableId":1}}}"#,
        #"{"type":"INSERT","entity":{"table_entry":{"table_id":1}}}"#,
        #"{"type":"INSERT","entity":{"tableEntry":{"tableId":"33554433"}}}"#,
        #"{"type":"INSERT","entity":{"tableEntry":{"tableId":1e3}}}"#,
        #"{"type":"INSERT","entity":{"tableEntry":{"tableId":1.5}}}"#,
        #"{"type":"INSERT","entity":{"tableEntry":{"tableId":-1}}}"#,
        #"{"type":"INSERT","entity":{"tableEntry":{"tableId":4294967296}}}"#,
        #"{"type":"INSERT","entity":{"tableEntry":{"tableId":99999999999999999999}}}"#,
        #"{"type":"INSERT","entity":{"tableEntry":{"tableId":01}}}"#,
        #"{"type":"INSERT","entity":{"tableEntry":{"tableId":1,"priority":-0}}}"#,
        #"{"type":"INSERT","entity":{"tableEntry":{"tableId":null,"priority":3}}}"#,
        #"{"type":"INSERT","entity":{"tableEntry":{"tableId":1,"tableId":2}}}"#,
        #"{"type":"INSERT","entity":{"tableEntry":{"tableId":1,"match":[{"fieldId":1,"fieldId":2}]}}}"#,
        #"{"type":"INSERT","entity":{"tableEntry":{"tableId":1,"match":[{"fieldId":1,"exact":{"value":"AQ=="},"lpm":{"value":"AQ==","prefixLen":1}}]}}}"#,
        #"{"type":"INSERT","entity":{"tableEntry":{"tableId":1,"match":[{"fieldId":1,"exact":{"value":"AQ==","value":"Ag=="}}]}}}"#,
        #"{"type":"INSERT","entity":{"tableEntry":{"tableId":1,"match":[{"fieldId":1,"exact":{"value":"-_8="}}]}}}"#,
        #"{"type":"INSERT","entity":{"tableEntry":{"tableId":1,"match":[{"fieldId":1,"exact":{"value":"A"}}]}}}"#,
        #"{"type":"INSERT","entity":{"tableEntry":{"tableId":1,"match":[{"fieldId":1,"exact":{"value":"AQ=x"}}]}}}"#,
        #"{"type":"INSERT","entity":{"tableEntry":{"tableId":1,"match":[{"fieldId":1,"exact":{"value":"AQ==="}}]}}}"#,
        #"{"type":"INSERT","entity":{"tableEntry":{"tableId":1,"match":[{"fieldId":1,"exact":{"value":"AQI"}}]}}}"#,
        #"{"type":"INSERT","entity":{"tableEntry":{"tableId":1,"match":[{"fieldId":1,"exact":{"value":"\u0041Q=="}}]}}}"#,
        #"{"type":"INSERT","entity":{"tableEntry":{"tableId":1,"match":[{"fieldId":1,"exact":{"mask":"AQ=="}}]}}}"#,
        #"{"type":"INSERT","entity":{"tableEntry":{"tableId":1,"match":[null]}}}"#,
        #"{"type":"INSERT","entity":{"tableEntry":{"tableId":1,"match":[{"fieldId":1,"exact":{"value":"AQ=="}},]}}}"#,
        #"{"type":"INSERT","entity":{"tableEntry":{"tableId":1,"action":{"action":{"actionId":2},"actionProfileMemberId":3}}}}"#,
        #"{"type":"INSERT","entity":{"tableEntry":{"tableId":1,"action":{"action":{"actionId":2,"params":[{"paramId":1,"value":"AQ==","extra":1}]}}}}}"#,
        #"{"type":"INSERT","entity":{"tableEntry":{"tableId":1},"counterEntry":{"counterId":1}}}"#,
        #"{"type":"INSERT","entity":{"tableEntry":{"tableId":1}}} x"#,
        #"{"type":"INSERT","entity":{"tableEntry":{"tableId":1}}"#,
        #"{"type":"INSERT","entity":{"tableEntry":{"tableId":1,"isConst":true,"controllerMetadata":"5"}}}"#,
        #"{"type":"INSERT","entity":{"tableEntry":{"tableId":1,"metadata":"ü"}}}"#,
        #"["INSERT"]"#,
    ]

    /// The full decoder's answer for one update at `updates[index]`.
    static func reference(_ text: String, index: Int) -> Result<Update, P4RuntimeError> {
        do throws(P4RuntimeError) {
            let value = try ProtoJSON.parse(Array(text.utf8))
            var decoder = ProtoJSONDecoder(path: JSONPath([.key("updates"), .index(index)]))
            return .success(try Update(protoJSON: value, decoder: &decoder))
        } catch {
            return .failure(error)
        }
    }

    @Test(arguments: updates.indices)
    func bulkLineMatchesTheFullDecoder(_ index: Int) throws {
        let text = Self.updates[index]
        // A multi-line document is not one NDJSON line.
        if text.contains("\n") { return }
        let body = Array((Self.exact + "\n" + text + "\n").utf8)
        let result: Result<WriteRequest, P4RuntimeError>
        do throws(P4RuntimeError) {
            result = .success(try BulkWrite.decode(body, deviceId: 1, electionId: nil))
        } catch {
            result = .failure(error)
        }
        switch Self.reference(text, index: 1) {
        case .success(let update):
            let request = try result.get()
            #expect(request.updates.count == 2)
            #expect(request.updates.last == update)
        case .failure(let expected):
            guard case .failure(let error) = result else {
                Issue.record("accepted \(text), the full decoder says \(expected.message)")
                return
            }
            #expect(error.code == expected.code)
            if expected.message.hasPrefix("invalid JSON: ") {
                #expect(error.message.hasPrefix("updates[1]: invalid JSON: line 2, "))
            } else {
                #expect(error.message == expected.message + " (NDJSON line 2)")
            }
        }
    }

    @Test(arguments: updates.indices)
    func writeRequestMatchesTheFullDecoder(_ index: Int) {
        let text = #"{"deviceId":"1","updates":["# + Self.exact + "," + Self.updates[index] + "]}"
        expectSameDecoding(text)
    }

    static let requests: [String] = [
        #"{"deviceId":"1","electionId":{"high":"0","low":"7"},"role":"r","atomicity":"ROLLBACK_ON_ERROR","updates":[]}"#,
        #"{"deviceId":1,"electionId":{"low":7},"updates":null}"#,
        #"{"deviceId":"0001","updates":[]}"#,
        #"{"deviceId":"18446744073709551615"}"#,
        #"{"deviceId":"-1"}"#,
        #"{"device_id":"1"}"#,
        #"{"deviceId":"1","atomicity":2}"#,
        #"{"deviceId":"1","atomicity":"SOMETIMES"}"#,
        #"{"deviceId":"1","electionId":{"low":"7","low":"8"}}"#,
        #"{"deviceId":"1","role":"caf\u00e9"}"#,
        #"{"deviceId":"1","unknown":true}"#,
        #"{"deviceId":"1",}"#,
        #"{"deviceId":"1"} {}"#,
        #"[]"#,
        "",
    ]

    @Test(arguments: requests)
    func writeRequestFieldsMatchTheFullDecoder(_ text: String) {
        expectSameDecoding(text)
    }

    func expectSameDecoding(_ text: String) {
        let bytes = Array(text.utf8)
        let fast: Result<WriteRequest, P4RuntimeError>
        let full: Result<WriteRequest, P4RuntimeError>
        do throws(P4RuntimeError) { fast = .success(try ProtoJSON.decodeWriteRequest(from: bytes)) } catch {
            fast = .failure(error)
        }
        do throws(P4RuntimeError) { full = .success(try ProtoJSON.decode(WriteRequest.self, from: bytes)) } catch {
            full = .failure(error)
        }
        #expect(fast == full, "\(text)")
    }
}
