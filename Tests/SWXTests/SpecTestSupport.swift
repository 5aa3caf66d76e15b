import SWX
import Testing

/// Small inline specs for the loader's unit tests.
enum SpecSamples {
    /// Ethernet header, a metadata struct with fields of several widths, and a minimal apply block.
    static let prelude = """
        struct eth_t {
            bit<48> dst
            bit<48> src
            bit<16> type
        }
        struct ipv4_t {
            bit<8> ver_ihl
            bit<8> tos
            bit<16> len
            bit<16> id
            bit<16> frag
            bit<8> ttl
            bit<8> proto
            bit<16> csum
            bit<32> sa
            bit<32> da
        }
        header eth instanceof eth_t
        header ipv4 instanceof ipv4_t
        struct meta_t {
            bit<32> port
            bit<32> a
            bit<16> b
            bit<8> c
            bit<8> d
            bit<128> wide
            bit<64> w64
        }
        metadata instanceof meta_t
        action nop args none {
            return
        }

        """

    static let apply = """
        apply {
            rx m.port
            extract h.eth
            tx m.port
        }

        """

    /// `prelude` + `body` + the minimal apply block.
    static func spec(_ body: String, apply: String = SpecSamples.apply) -> String {
        prelude + body + "\n" + apply
    }

    /// A spec whose apply block is `rx m.port`, the given lines, `tx m.port`.
    static func applying(_ lines: String, declarations: String = "") -> String {
        prelude + declarations + "\napply {\n    rx m.port\n" + lines + "\n    tx m.port\n}\n"
    }
}

/// Expects `text` to be rejected at `stage` with a message containing `fragment`; returns the error.
@discardableResult
func expectRejected(_ text: String, at stage: SpecError.Stage, containing fragment: String = "",
                    line: Int? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> SpecError? {
    do {
        _ = try SpecLoader.load(text)
        Issue.record("expected a \(stage) error containing '\(fragment)', but the spec loaded",
                     sourceLocation: sourceLocation)
        return nil
    } catch {
        #expect(error.stage == stage, "\(error)", sourceLocation: sourceLocation)
        #expect(error.message.contains(fragment), "\(error)", sourceLocation: sourceLocation)
        if let line { #expect(error.line == line, "\(error)", sourceLocation: sourceLocation) }
        return error
    }
}
