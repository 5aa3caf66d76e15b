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

/// Single-byte edits of valid updates (deterministic): the fast paths must agree with the full decoder on every
/// one, valid or not.
@Suite("Fast update decoding agrees on edited inputs")
struct FastDecodingMutationTests {
    /// SplitMix64, so the edits are the same on every run.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    static let alphabet = Array(#"{}[]:,"\ 0123456789-.eE+/=AQIgntrufalsx_"#.utf8)

    @Test(arguments: 0..<4)
    func editedUpdatesDecodeAsTheFullDecoderSays(_ seed: Int) {
        var random = Generator(state: UInt64(seed) &* 7919)
        let sources = FastDecodingTests.updates.filter { !$0.contains("\n") }
        for _ in 0..<400 {
            var bytes = Array(sources[random.next(sources.count)].utf8)
            for _ in 0...random.next(2) {
                let position = random.next(bytes.count + 1)
                switch random.next(3) {
                case 0 where position < bytes.count: bytes.remove(at: position)
                case 1 where position < bytes.count: bytes[position] = Self.alphabet[random.next(Self.alphabet.count)]
                default: bytes.insert(Self.alphabet[random.next(Self.alphabet.count)], at: position)
                }
            }
            if bytes.contains(0x0A) || bytes.contains(0x0D) { continue }
            let text = String(decoding: bytes, as: UTF8.self)
            // An edit inside a multi-byte character leaves invalid UTF-8, which `String` repairs: compare on the
            // repaired bytes, as the reference sees them.
            bytes = Array(text.utf8)
            let expected = FastDecodingTests.reference(text, index: 0)
            let bulk: Result<Update, P4RuntimeError>
            do throws(P4RuntimeError) {
                let request = try BulkWrite.decode(bytes + [0x0A], deviceId: 1, electionId: nil)
                bulk = request.updates.count == 1 ? .success(request.updates[0]) : .failure(.internal("\(request.updates.count) updates"))
            } catch {
                bulk = .failure(error)
            }
            switch (expected, bulk) {
            case (.success(let want), .success(let got)):
                #expect(want == got, "\(text)")
            case (.failure(let want), .failure(let got)):
                if want.message.hasPrefix("invalid JSON: ") {
                    #expect(got.message.hasPrefix("updates[0]: invalid JSON: "), "\(text)")
                } else {
                    #expect(got.message == want.message + " (NDJSON line 1)", "\(text)")
                }
            default:
                Issue.record("fast and full decoders disagree on \(text): \(expected) vs \(bulk)")
            }
            let whole = Array((#"{"deviceId":"1","updates":["# + text + "]}").utf8)
            let fast: Result<WriteRequest, P4RuntimeError>
            let full: Result<WriteRequest, P4RuntimeError>
            do throws(P4RuntimeError) { fast = .success(try ProtoJSON.decodeWriteRequest(from: whole)) } catch {
                fast = .failure(error)
            }
            do throws(P4RuntimeError) { full = .success(try ProtoJSON.decode(WriteRequest.self, from: whole)) } catch {
                full = .failure(error)
            }
            #expect(fast == full, "\(text)")
        }
    }
}
