import Foundation
import SWX
import TestSupport
import Testing

/// Damaged input never traps or hangs: every deterministic mutation of a corpus spec either loads or throws a
/// `SpecError`; every mutated entry line either parses or throws a `SpecTextError`.
@Suite(.enabled(if: Fixtures.sharedAvailable, Comment(rawValue: Fixtures.sharedMissing)))
struct SpecRobustnessTests {
    /// A small deterministic generator (64-bit LCG), so failures reproduce.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(max(bound, 1)))
        }
    }

    static let replacements = ["0", "0x", "-1", "h.", "m.", "t.x", "{", "}", ":", "L :", "bit<7>", "varbit<8>",
                               "0xffffffffffffffffff", "lpm", "args", "none", "const", "@tableonly", "//", "jmp"]

    static func mutate(_ text: String, _ generator: inout Generator) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard !lines.isEmpty else { return text }
        let index = generator.next(lines.count)
        switch generator.next(5) {
        case 0:
            lines.remove(at: index)
        case 1:
            lines.insert(lines[generator.next(lines.count)], at: index)
        case 2:
            var tokens = lines[index].split(separator: " ").map(String.init)
            if !tokens.isEmpty { tokens[generator.next(tokens.count)] = replacements[generator.next(replacements.count)] }
            lines[index] = tokens.joined(separator: " ")
        case 3:
            var tokens = lines[index].split(separator: " ").map(String.init)
            if !tokens.isEmpty { tokens.remove(at: generator.next(tokens.count)) }
            lines[index] = tokens.joined(separator: " ")
        default:
            lines = Array(lines.prefix(index))
        }
        return lines.joined(separator: "\n")
    }

    @Test(arguments: TextProgramCorpusTests.loadableSpecs())
    func mutatedSpecsNeverTrap(_ path: String) throws {
        let text = try String(contentsOf: Fixtures.shared("swx/" + path), encoding: .utf8)
        var generator = Generator(state: UInt64(path.utf8.count) &* 2654435761)
        var outcomes = (loaded: 0, rejected: 0)
        for _ in 0..<30 {
            var mutated = text
            for _ in 0...generator.next(3) { mutated = Self.mutate(mutated, &generator) }
            do {
                _ = try SpecLoader.load(mutated)
                outcomes.loaded += 1
            } catch {
                #expect(!error.message.isEmpty)
                outcomes.rejected += 1
            }
        }
        #expect(outcomes.loaded + outcomes.rejected == 30)
    }

    @Test func mutatedEntryLinesNeverTrap() throws {
        let program = try SpecLoader.load(try String(contentsOf: Fixtures.shared("swx/dpdk-examples/fib.spec"),
                                                     encoding: .utf8))
        let text = try String(contentsOf: Fixtures.shared("swx/dpdk-examples/fib_routing_table.txt"), encoding: .utf8)
        let table = try #require(program.tableIndex(named: "routing_table"))
        var generator = Generator(state: 7)
        for _ in 0..<300 {
            let mutated = Self.mutate(text, &generator)
            for line in mutated.split(separator: "\n") {
                do {
                    _ = try SpecEntryText.parse(line, for: .table(table), in: program)
                } catch {
                    #expect(!error.message.isEmpty)
                }
            }
            _ = try? ConformanceCase.parse(mutated, path: "x.case")
        }
    }
}
