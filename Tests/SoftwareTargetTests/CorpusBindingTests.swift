import Foundation
import P4Device
import P4Model
import SoftwareTarget
import Testing
import TestSupport

/// Every shared fixture that has both a P4Info and a `.spec` either binds, or fails verify with INVALID_ARGUMENT
/// or UNIMPLEMENTED naming what could not be bound (never a crash).
@Suite(.enabled(if: Fixtures.sharedAvailable, Comment(rawValue: Fixtures.sharedMissing)))
struct CorpusBindingTests {
    static func pairs() -> [(name: String, p4info: URL, spec: URL)] {
        let root = Fixtures.shared("swx")
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return folders.sorted().compactMap { folder in
            let directory = root.appendingPathComponent(folder)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            guard let info = files.first(where: { $0.hasSuffix(".p4info.txtpb") }),
                  let spec = files.first(where: { $0.hasSuffix(".spec") }) else { return nil }
            return (folder, directory.appendingPathComponent(info), directory.appendingPathComponent(spec))
        }
    }

    @Test func everyCorpusProgramBindsOrNamesTheProblem() throws {
        var bound: [String] = []
        var refused: [String] = []
        for (name, infoURL, specURL) in Self.pairs() {
            let info = try P4Info.decode(textFormat: String(contentsOf: infoURL, encoding: .utf8)).p4info
            let spec = try Array(Data(contentsOf: specURL))
            let device = try SoftwareTargetDevice()
            do {
                _ = try device.verify(ForwardingPipelineConfig(p4info: info, p4DeviceConfig: spec))
                bound.append(name)
            } catch {
                #expect(error.code == .invalidArgument || error.code == .unimplemented, "\(name): \(error)")
                #expect(!error.message.isEmpty)
                refused.append("\(name): \(error.message)")
            }
        }
        #expect(refused.allSatisfy { $0.contains(".spec") }, "only programs DPDK itself rejects may fail: \(refused)")
        #expect(bound.count >= 11)
    }
}
