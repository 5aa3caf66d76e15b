import Foundation
import SWX
import TestSupport
import Testing

@Suite struct TextCaseTests {
    static let sample = """
        # A case exercising every directive.
        spec prog.spec
        ports 2 8
        table fwd add entries/fwd.txt
        table fwd entry match 0x1 action out port 2
        table fwd default drop_it
        table fwd default out args port 3
        selector sel group add 0
        selector sel group 0 member 5 weight 2
        regwr counters 0x10 7
        meter m profile gold add cir 100 pir 200 cbs 10 pbs 20
        meter m from 0 to 3 set profile gold
        learner flows timeout 1 60
        mirror session 3 port 1 clone slow truncate 128
        time 12
        in 0 0011aabb
        out 1 0011aabb
        out 2 0011AABB
        in 1 ff
        drop
        regrd counters 16 8
        """

    @Test func everyDirectiveIsTyped() throws {
        let parsed = try ConformanceCase.parse(Self.sample, path: "/cases/x/prog.case")
        #expect(parsed.specPath == "/cases/x/prog.spec")
        #expect(parsed.specLine == 2)
        #expect(parsed.inputPorts == 2 && parsed.outputPorts == 8)
        #expect(parsed.packetCount == 2)
        #expect(parsed.expectedRejection == nil)
        let kinds = parsed.directives.map(\.kind)
        #expect(kinds[1] == .tableAdd(table: "fwd", file: "/cases/x/entries/fwd.txt"))
        #expect(kinds[2] == .tableEntry(table: "fwd", entry: "match 0x1 action out port 2"))
        #expect(kinds[3] == .tableDefault(table: "fwd", entry: "action drop_it"))
        #expect(kinds[4] == .tableDefault(table: "fwd", entry: "action out port 3"))
        #expect(kinds[5] == .selectorGroupAdd(selector: "sel", group: 0))
        #expect(kinds[6] == .selectorGroupMember(selector: "sel", member: SpecSelectorMember(group: 0, member: 5, weight: 2)))
        #expect(kinds[7] == .registerWrite(regarray: "counters", index: 16, value: 7))
        #expect(kinds[8] == .meterProfileAdd(meter: "m", profile: "gold", cir: 100, pir: 200, cbs: 10, pbs: 20))
        #expect(kinds[9] == .meterSetProfile(meter: "m", from: 0, to: 3, profile: "gold"))
        #expect(kinds[10] == .learnerTimeout(learner: "flows", timeoutID: 1, seconds: 60))
        #expect(kinds[11] == .mirrorSession(session: 3, port: 1, fastClone: false, truncateLength: 128))
        #expect(kinds[12] == .time(seconds: 12))
        #expect(kinds[13] == .packetIn(port: 0, packet: [0x00, 0x11, 0xaa, 0xbb]))
        #expect(kinds[15] == .packetOut(port: 2, packet: [0x00, 0x11, 0xaa, 0xbb]))
        #expect(kinds[17] == .drop)
        #expect(kinds[18] == .registerExpect(regarray: "counters", index: 16, value: 8))
        #expect(parsed.directives.map(\.line) == Array(3...21))
    }

    @Test func relativePathsWithoutADirectory() throws {
        let parsed = try ConformanceCase.parse("spec a.spec\n", path: "a.case")
        #expect(parsed.specPath == "a.spec")
        #expect(parsed.inputPorts == 1 && parsed.outputPorts == 4)
        #expect(try ConformanceCase.parse("spec /abs/a.spec\n", path: "d/a.case").specPath == "/abs/a.spec")
    }

    @Test func expectReject() throws {
        let parsed = try ConformanceCase.parse("spec a.spec\nexpect-reject translate meter length is an immediate\n",
                                               path: "d/a.case")
        #expect(parsed.expectedRejection?.stage == .translate)
        #expect(parsed.expectedRejection?.reason == "meter length is an immediate")
    }

    @Test func structuralErrorsNameTheLine() {
        let cases: [(String, Int, String)] = [
            ("ports 1 4\nspec a.spec", 1, "first directive must be 'spec"),
            ("spec a.spec\nspec b.spec", 2, "only once"),
            ("spec a.spec\nout 0 00", 2, "must follow an 'in'"),
            ("spec a.spec\nin 0 00\ndrop\nout 1 00", 4, "after 'drop'"),
            ("spec a.spec\nin 0 00\nout 1 00\ndrop", 4, "only result"),
            ("spec a.spec\nin 0 0g", 2, "hex digits"),
            ("spec a.spec\nin 0 000", 2, "hex digits"),
            ("spec a.spec\nin x 00", 2, "port 'x'"),
            ("spec a.spec\nports 1", 2, "ports IN OUT"),
            ("spec a.spec\nregwr r 010x 1", 2, "index"),
            ("spec a.spec\nfrobnicate", 2, "unknown directive"),
            ("spec a.spec\ntable t remove f", 2, "unknown table operation"),
            ("spec a.spec\nmirror session 1 port 1 clone medium truncate 0", 2, "fast|slow"),
            ("spec a.spec\nexpect-reject load oops", 2, "parse|config|translate"),
            ("spec a.spec\nexpect-reject parse x\nin 0 00\ndrop", 3, "has no packets"),
            ("# nothing", 0, "no 'spec FILE'"),
        ]
        for (text, line, fragment) in cases {
            do {
                _ = try ConformanceCase.parse(text, path: "c.case")
                Issue.record("'\(text)' parsed")
            } catch {
                #expect(error.line == line, "\(text): \(error)")
                #expect(error.message.contains(fragment), "\(text): \(error)")
            }
        }
    }
}

/// Every `.case` file of the corpus parses, names an existing spec and existing entry files, and its
/// `expect-reject` agrees with the loader.
@Suite(.enabled(if: Fixtures.sharedAvailable, Comment(rawValue: Fixtures.sharedMissing)))
struct TextCaseCorpusTests {
    static func caseFiles() -> [String] {
        let root = Fixtures.shared("swx").path + "/"
        return Fixtures.files(under: Fixtures.shared("swx"), endingWith: [".case"]).map { String($0.path.dropFirst(root.count)) }
    }

    @Test func theCorpusHasCases() { #expect(Self.caseFiles().count >= 11) }

    @Test(arguments: TextCaseCorpusTests.caseFiles())
    func caseFileParses(_ file: String) throws {
        let url = Fixtures.shared("swx/" + file)
        let parsed = try ConformanceCase.parse(try String(contentsOf: url, encoding: .utf8), path: url.path)
        #expect(FileManager.default.fileExists(atPath: parsed.specPath), "\(parsed.specPath)")
        let specText = try String(contentsOf: URL(fileURLWithPath: parsed.specPath), encoding: .utf8)
        if let rejection = parsed.expectedRejection {
            let error = #expect(throws: SpecError.self) { _ = try SpecLoader.load(specText) }
            #expect(error?.stage == rejection.stage)
            return
        }
        #expect(parsed.packetCount > 0)
        let program = try SpecLoader.load(specText)
        for directive in parsed.directives {
            switch directive.kind {
            case .tableAdd(let table, let file):
                let index = try #require(program.tableIndex(named: table))
                let text = try String(contentsOf: URL(fileURLWithPath: file), encoding: .utf8)
                #expect(try !SpecEntryText.parseAll(text, for: .table(index), in: program).isEmpty)
            case .tableEntry(let table, let entry):
                let index = try #require(program.tableIndex(named: table))
                #expect(try SpecEntryText.parse(entry[...], for: .table(index), in: program) != nil)
            case .registerWrite(let name, _, _), .registerExpect(let name, _, _):
                #expect(program.registerArrayIndex(named: name) != nil)
            default:
                break
            }
        }
    }
}
