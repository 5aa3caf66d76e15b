import Foundation
import SWX
import TestSupport
import Testing

/// Parity with stock DPDK over the shared fixture corpus: every `.spec` that `SOURCES.md` marks OK loads, every
/// FAIL row is rejected (at the stage a `.case` file's `expect-reject` names, when there is one).
@Suite(.enabled(if: Fixtures.sharedAvailable, Comment(rawValue: Fixtures.sharedMissing)))
struct SpecCorpusTests {
    struct Expectation: CustomStringConvertible, Sendable {
        var path: String
        var loads: Bool
        var description: String { path }
    }

    /// The `DPDK load` column of every `.spec` row in SOURCES.md.
    static func expectations() -> [Expectation] {
        guard let text = try? String(contentsOf: Fixtures.shared("swx/SOURCES.md"), encoding: .utf8) else { return [] }
        var result: [Expectation] = []
        for line in text.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 9, cells[1].hasSuffix(".spec") else { continue }
            let load = cells[cells.count - 2]
            if load == "OK" {
                result.append(.init(path: cells[1], loads: true))
            } else if load.hasPrefix("FAIL") {
                result.append(.init(path: cells[1], loads: false))
            }
        }
        return result
    }

    /// `expect-reject STAGE` of the `.case` file next to `specPath` that loads it, if any.
    static func expectedStage(for specPath: URL) -> SpecError.Stage? {
        let directory = specPath.deletingLastPathComponent()
        for caseURL in Fixtures.files(under: directory, endingWith: [".case"]) {
            guard let text = try? String(contentsOf: caseURL, encoding: .utf8) else { continue }
            let lines = text.split(separator: "\n").map { $0.split(separator: " ") }
            guard lines.contains(where: { $0.count == 2 && $0[0] == "spec" && $0[1] == specPath.lastPathComponent })
            else { continue }
            if let reject = lines.first(where: { $0.first == "expect-reject" }), reject.count >= 2 {
                return SpecError.Stage(rawValue: String(reject[1]))
            }
        }
        return nil
    }

    @Test func sourcesListsTheCorpus() {
        let all = Self.expectations()
        #expect(all.count >= 50)
        #expect(all.filter { !$0.loads }.count == 5)
    }

    @Test(arguments: SpecCorpusTests.expectations())
    func loadsOrRejectsLikeDPDK(_ expectation: Expectation) throws {
        let url = Fixtures.shared("swx/" + expectation.path)
        let text = try String(contentsOf: url, encoding: .utf8)
        if expectation.loads {
            #expect(throws: Never.self) { _ = try SpecLoader.load(text) }
        } else {
            let error = #expect(throws: SpecError.self) { _ = try SpecLoader.load(text) }
            let stage = try #require(Self.expectedStage(for: url), "every FAIL row has an expect-reject case")
            #expect(error?.stage == stage, "\(expectation.path): \(error.map(String.init(describing:)) ?? "")")
        }
    }

    @Test func k8sDataPlaneLoadsWithAliasingWarnings() throws {
        let text = try String(contentsOf: Fixtures.shared("swx/k8s_dp/pipe/k8s_dp.spec"), encoding: .utf8)
        let program = try SpecLoader.load(text)
        #expect(program.tables.count == 19)
        #expect(program.selectors.count == 2)
        #expect(program.learners.count == 2)
        #expect(program.headers.count == 10)
        #expect(program.actions.count == 37)
        #expect(program.metadata.maximumByteSize == 429)
        #expect(program.apply.count == 351)
        #expect(program.actions.reduce(0) { $0 + $1.body.count } == 690)
        #expect(program.warnings.contains { $0.kind == .metadataOffsetAliasing })
    }

    @Test func everyDPDKExampleLoads() throws {
        let specs = Fixtures.files(under: Fixtures.shared("swx/dpdk-examples"), endingWith: [".spec"])
        #expect(specs.count == 15)
        for url in specs {
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(throws: Never.self, "\(url.lastPathComponent)") { _ = try SpecLoader.load(text) }
        }
    }

    @Test func offset256QuirkLoadsWithAWarningNamingTheLine() throws {
        let text = try String(contentsOf: Fixtures.shared("swx/_quirks/metadata-offset-256/off256.spec"),
                              encoding: .utf8)
        let program = try SpecLoader.load(text)
        let warning = try #require(program.warnings.first { $0.kind == .metadataOffsetAliasing })
        #expect(warning.line > 0)
        #expect(warning.message.contains("304"))
    }
}
