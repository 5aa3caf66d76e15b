import Foundation
import SWX
import Testing

/// Every conformance case under `programs/<name>/cases/` parses and passes on the SWX engine.
@Suite struct ProgramCaseTests {
    static func casePaths(_ program: String) -> [String] {
        let folder = ProgramFiles.root.appendingPathComponent("programs/\(program)/cases")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".case") }.sorted().map { folder.appendingPathComponent($0).path }
    }

    @Test(arguments: ProgramFiles.names)
    func casesPass(program: String) throws {
        let paths = Self.casePaths(program)
        #expect(!paths.isEmpty, "programs/\(program)/cases has no .case file")
        for path in paths {
            _ = try ConformanceCase.parse(ProgramFiles.text(String(path.dropFirst(ProgramFiles.root.path.count + 1))),
                                          path: path)
            let report = ConformanceRunner.run(path: path)
            #expect(report.failed == 0, "\(path):\n\(report.text)")
            #expect(report.passed > 0)
        }
    }
}
