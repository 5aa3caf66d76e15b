import Testing

/// P4Info, context.json and the spec agree: every P4Info table, action, profile, counter and register binds to
/// a spec object through context.json, with matching key kinds and widths and action arguments.
@Suite struct ProgramBindingTests {
    @Test(arguments: ProgramFiles.names)
    func p4infoBindsToSpec(program: String) throws {
        var binding = try ProgramBinding(program: program)
        let problems = binding.check()
        #expect(problems.isEmpty, "\(program):\n\(problems.joined(separator: "\n"))")
    }
}
