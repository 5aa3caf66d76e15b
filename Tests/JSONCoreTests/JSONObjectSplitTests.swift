import JSONCore
import Testing

/// A top-level object split at its array's elements (Kubernetes Lists parsed item by item on all cores).
struct JSONObjectSplitTests {
    static let list = #"""
        {
            "apiVersion": "v1",
            "items": [
                {"a": "x\"y]}", "b": [1, {"c": "}\\"}], "d": null, "e": -1.5e3},
                2,
                "s\u00e9",
                true,
                null,
                []
            ],
            "kind": "List",
            "metadata": {"resourceVersion": "", "n": [1, {"k": false}]}
        }
        """#

    @Test func elementsParseLikeTheWholeDocument() throws {
        let bytes = Array(Self.list.utf8)
        let whole = try JSONValue.parse(bytes)
        try bytes.withUnsafeBytes { buffer in
            let split = try #require(JSONObjectSplit(buffer, arrayMember: "items"))
            #expect(split.strings == ["apiVersion": "v1", "kind": "List"])
            #expect(split.elements.count == 6)
            let parsed = JSONParser().parseEach(buffer, ranges: split.elements) { _, node in
                (try? node.get())?.value
            }
            #expect(parsed.map { $0 } == whole["items"]?.arrayValue?.map { Optional($0) })
        }
    }

    @Test func documentsOutsideTheSplitRulesAreLeftToTheParser() {
        let refused = [
            #"{"kind":"List"}"#,                                        // no array member
            #"{"items":{"a":1}}"#,                                      // not an array
            #"{"items":[],"metadata":{"x":null}}"#,                     // another member outside the subset
            #"{"items":[],"kind":"List","kind":"List"}"#,               // a repeated key
            #"{"items":[{]}"#,                                          // a bracket closed that was not opened
            #"{"items":[{"a":"unterminated]}"#,                         // a string that never ends
            #"{"items":[1,2]} x"#,                                      // something after the document
            #"{"items":[1,,2]}"#,                                       // a missing element
        ]
        for text in refused {
            Array(text.utf8).withUnsafeBytes { buffer in
                #expect(JSONObjectSplit(buffer, arrayMember: "items") == nil, "\(text)")
            }
        }
    }

    @Test func anInvalidElementReachesTheTransformAsAnError() throws {
        let bytes = Array(#"{"items":[{"a":1},{"a":tru},{"b":2}]}"#.utf8)
        try bytes.withUnsafeBytes { buffer in
            let split = try #require(JSONObjectSplit(buffer, arrayMember: "items"))
            let results = JSONParser().parseEach(buffer, ranges: split.elements, parallel: false) { _, node in
                (try? node.get()) != nil
            }
            #expect(results == [true, false, true])
        }
    }
}
