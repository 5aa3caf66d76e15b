/// Extern types and functions the embedding application provides, DPDK's `extern_type_register` /
/// `extern_func_register`. A spec may only instantiate (`extobj`) or call (`f.FUNC`) what is registered here.
public struct SpecLoadOptions: Sendable, Hashable {
    /// Registered extern object types.
    public var externTypes: [SpecExternType]
    /// Registered extern functions.
    public var externFunctions: [SpecExternFunction]

    /// Options with the given registrations (none by default, as in p4rtd's software target).
    public init(externTypes: [SpecExternType] = [], externFunctions: [SpecExternFunction] = []) {
        self.externTypes = externTypes
        self.externFunctions = externFunctions
    }
}

/// Loads `.spec` text into a `SpecProgram` with DPDK's accept/reject behaviour: parse (grammar), then
/// configuration in DPDK's fixed order by kind (extobj, regarray, rss, metarray, struct, header, metadata,
/// action, table, selector, learner, apply; file order within a kind), translating each action and the apply
/// block as it is configured.
public enum SpecLoader {
    /// Parses, validates and translates `text`. Throws the first `SpecError` DPDK would also stop at.
    public static func load(_ text: String, options: SpecLoadOptions = SpecLoadOptions()) throws(SpecError)
        -> SpecProgram {
        try load(SpecParser.parse(text), options: options)
    }

    /// Validates and translates an already parsed document.
    public static func load(_ document: SpecDocument, options: SpecLoadOptions = SpecLoadOptions())
        throws(SpecError) -> SpecProgram {
        var builder = SpecBuilder(options: options)
        try builder.configure(document)
        return try builder.program()
    }
}
