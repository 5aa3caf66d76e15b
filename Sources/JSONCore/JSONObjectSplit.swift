/// A top-level object holding one large array, split so that the array's elements can be parsed separately, on
/// all cores (``JSONParser/parseEach(_:ranges:parallel:_:)``): a Kubernetes `List` of 10,000 EndpointSlices is
/// 76 MB, which one jansson parse reads on one core.
///
/// Only the elements' boundaries are found here (by structure); each element is validated when it is parsed. The
/// other members must be in ``JSONScanner``'s subset, without repeated top-level keys; otherwise, or when the array
/// member is missing, there is no split and the caller parses the whole document, which also reports any error
/// with its position. (Keys repeated inside a skipped member, which jansson would refuse, go unnoticed.)
public struct JSONObjectSplit: Sendable {
    /// The top-level members whose values are strings (e.g. `kind`, `apiVersion`).
    public var strings: [String: String] = [:]
    /// The byte ranges of the array's elements, in order.
    public var elements: [Range<Int>] = []

    /// Splits `bytes` at the elements of the array member named `arrayMember`.
    public init?(_ bytes: UnsafeRawBufferPointer, arrayMember: String) {
        var s = JSONScanner(bytes)
        guard s.beginObject() else { return nil }
        var first = true
        var sawArray = false
        var names = Set<String>()
        members: while true {
            switch s.nextMember(&first) {
            case .end:
                break members
            case .invalid:
                return nil
            case .next(let key):
                let name = key.string
                guard names.insert(name).inserted else { return nil }
                if name == arrayMember {
                    guard s.beginArray() else { return nil }
                    sawArray = true
                    var elementFirst = true
                    while true {
                        guard let more = s.nextElement(&elementFirst) else { return nil }
                        if !more { break }
                        guard let range = s.skipAnyValue() else { return nil }
                        elements.append(range)
                    }
                } else if s.nextIsString() {
                    guard let text = s.string() else { return nil }
                    strings[name] = String(decoding: text, as: UTF8.self)
                } else {
                    guard s.skipSubsetValue() else { return nil }
                }
            }
        }
        guard sawArray, s.finish() else { return nil }
    }
}

extension JSONParser {
    /// Parses the documents at `ranges` of `bytes`, on all cores with `parallel`, and hands each, borrowed, with
    /// its index to `transform` (which runs concurrently and must not let the ``JSONNode`` escape); results in
    /// order. A range that is not valid JSON reaches `transform` as the error, its position within the range.
    public func parseEach<T>(_ bytes: UnsafeRawBufferPointer, ranges: [Range<Int>], parallel: Bool = true,
                             _ transform: @Sendable (_ index: Int, _ parsed: Result<JSONNode, JSONParseError>) -> T)
        -> [T]
    {
        let input = SharedBytes(bytes: bytes)
        return parallelMap(count: ranges.count, perChunk: 16, parallel: parallel) { index in
            let slice = UnsafeRawBufferPointer(rebasing: input.bytes[ranges[index]])
            do throws(JSONParseError) {
                return try withDocument(slice) { root in transform(index, .success(root)) }
            } catch {
                return transform(index, .failure(error))
            }
        }
    }
}
