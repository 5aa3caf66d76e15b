import Foundation
import P4Model
import SoftwareTarget
import Testing
import TestSupport

/// The three device-config forms and their errors.
struct PipelineSourceTests {
    @Test func recognisesJSONAndBareSpec() throws {
        let json = try PipelineSource(deviceConfig: Array(#"{"spec": "apply {\n}\n", "context": "{\"tables\": []}"}"#.utf8))
        #expect(json.form == .json)
        #expect(json.specText == "apply {\n}\n")
        #expect(json.context?["tables"] == .array([]))
        let bare = try PipelineSource(deviceConfig: Array("apply {\n}\n".utf8))
        #expect(bare.form == .specText)
        #expect(bare.context == nil)
    }

    @Test func badJSONNamesTheProblem() {
        #expect {
            _ = try PipelineSource(deviceConfig: Array(#"{"spec": 5}"#.utf8))
        } throws: { ($0 as? P4RuntimeError)?.message.contains("spec") ?? false }
        #expect {
            _ = try PipelineSource(deviceConfig: Array(#"{"spec": "x", "context": "{oops"}"#.utf8))
        } throws: { ($0 as? P4RuntimeError)?.message.contains("context") ?? false }
        #expect {
            _ = try PipelineSource(deviceConfig: Array(#"{"spec": "x""#.utf8))
        } throws: { ($0 as? P4RuntimeError)?.message.contains("byte") ?? false }
        #expect(throws: P4RuntimeError.self) { _ = try PipelineSource(deviceConfig: []) }
    }

    @Test(.enabled(if: Fixtures.sharedAvailable, Comment(rawValue: Fixtures.sharedMissing)))
    func readsIPDKBlobsAndRejectsTheCorruptOne() throws {
        let good = try PipelineSource(deviceConfig: Array(Data(contentsOf: Fixtures.shared("swx/k8s_dp/k8s_dp.pb.bin"))))
        #expect(good.form == .ipdkBinary)
        #expect(good.specText.contains("learner pinned_flows"))
        #expect(good.context?["program_name"] == .string("k8s_dp"))
        let corrupt = try Array(Data(contentsOf: Fixtures.shared("swx/k8s_dp/head-8456b28-corrupt/k8s_dp.pb.bin")))
        #expect {
            _ = try PipelineSource(deviceConfig: corrupt)
        } throws: { error in
            let failure = error as? P4RuntimeError
            return failure?.code == .invalidArgument && (failure?.message.contains("malformed") ?? false)
        }
    }
}
