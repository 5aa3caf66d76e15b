import Foundation
import P4Model
import TestSupport

/// The small P4Info the friendly-form tests and schema examples use (`schemas/examples/friendly.p4info.txt`): an
/// LPM table, a table with every other match kind, an action selector, counters, meters and a register of struct
/// type.
enum SampleP4Info {
    static let file = Fixtures.project("schemas/examples/friendly.p4info.txt")

    static func index() throws -> P4InfoIndex {
        try P4InfoIndex(textFormat: String(contentsOf: file, encoding: .utf8))
    }
}
