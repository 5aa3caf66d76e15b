import Foundation
import SWX
import Testing
import TestSupport

/// Every conformance case of the shared corpus and of our own `cases/` folder must pass byte for byte.
@Suite struct ConformanceCorpusTests {
    static func casePaths(under directory: URL) -> [String] {
        Fixtures.files(under: directory, endingWith: [".case"]).map(\.path)
    }

    @Test(.enabled(if: Fixtures.sharedAvailable, Comment(rawValue: Fixtures.sharedMissing)))
    func sharedCorpusPasses() {
        let paths = Self.casePaths(under: Fixtures.shared("swx"))
        #expect(!paths.isEmpty)
        let report = ConformanceRunner.run(paths: paths)
        #expect(report.failures == [], "\(report.text)")
        #expect(report.failed == 0)
        #expect(report.passed >= paths.count)
    }

    @Test func ownCasesPass() {
        let paths = Self.casePaths(under: Fixtures.project("cases"))
        #expect(!paths.isEmpty)
        let report = ConformanceRunner.run(paths: paths)
        #expect(report.failures == [], "\(report.text)")
        #expect(report.failed == 0)
        #expect(report.passed >= paths.count)
    }
}
