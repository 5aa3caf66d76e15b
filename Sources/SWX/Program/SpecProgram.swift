/// A loaded, validated and translated `.spec` program: every name resolved to an index, every instruction
/// operand resolved to struct + byte offset + bit width + byte order.
///
/// Produced by `SpecLoader.load(_:options:)`. All arrays are in declaration order and an object's `index` is its
/// position in its array. The program is a plain value: the compiler and executor build their own runtime
/// structures from it.
public struct SpecProgram: Sendable, Hashable {
    /// Every struct type, in configuration order: the mailbox structs of registered extern functions and of
    /// instantiated extern objects first (externs are configured before structs), then the structs declared in
    /// the file, in declaration order.
    public var structs: [SpecStruct]
    /// Headers, in declaration order (at most 64).
    public var headers: [SpecHeader]
    /// The index into `structs` of the metadata struct.
    public var metadataStructIndex: Int
    /// Actions, in declaration order (action ids).
    public var actions: [SpecAction]
    /// Regular tables, in declaration order.
    public var tables: [SpecTable]
    /// Selectors, in declaration order.
    public var selectors: [SpecSelector]
    /// Learners, in declaration order.
    public var learners: [SpecLearner]
    /// Register arrays, in declaration order.
    public var registerArrays: [SpecRegisterArray]
    /// Meter arrays, in declaration order.
    public var meterArrays: [SpecMeterArray]
    /// RSS objects, in declaration order.
    public var rssObjects: [SpecRSSObject]
    /// Registered extern types the program may instantiate.
    public var externTypes: [SpecExternType]
    /// Extern objects, in declaration order.
    public var externObjects: [SpecExternObject]
    /// Registered extern functions.
    public var externFunctions: [SpecExternFunctionBinding]
    /// The translated `apply { }` block.
    public var apply: SpecInstructionBlock
    /// The 1-based line of the `apply` statement.
    public var applyLine: Int
    /// DPDK defects this program would trigger on stock DPDK, each naming the line (the program itself has the
    /// correct semantics).
    public var warnings: [SpecWarning]
    /// The colour numbering the program's `meter` instructions use; `.pna` means the executor must translate
    /// colours in and out of DPDK's numbering at each `meter` (see `SpecWarning.Kind.pnaMeterColor`).
    public var meterColorEncoding: SpecMeterColorEncoding = .dpdk

    /// Creates a program from its parts.
    public init(structs: [SpecStruct], headers: [SpecHeader], metadataStructIndex: Int, actions: [SpecAction],
                tables: [SpecTable], selectors: [SpecSelector], learners: [SpecLearner],
                registerArrays: [SpecRegisterArray], meterArrays: [SpecMeterArray], rssObjects: [SpecRSSObject],
                externTypes: [SpecExternType], externObjects: [SpecExternObject],
                externFunctions: [SpecExternFunctionBinding], apply: SpecInstructionBlock, applyLine: Int,
                warnings: [SpecWarning]) {
        self.structs = structs
        self.headers = headers
        self.metadataStructIndex = metadataStructIndex
        self.actions = actions
        self.tables = tables
        self.selectors = selectors
        self.learners = learners
        self.registerArrays = registerArrays
        self.meterArrays = meterArrays
        self.rssObjects = rssObjects
        self.externTypes = externTypes
        self.externObjects = externObjects
        self.externFunctions = externFunctions
        self.apply = apply
        self.applyLine = applyLine
        self.warnings = warnings
    }

    /// The metadata struct.
    public var metadata: SpecStruct { structs[metadataStructIndex] }

    /// The struct of header `headerIndex`.
    public func headerStruct(_ headerIndex: Int) -> SpecStruct { structs[headers[headerIndex].structIndex] }

    /// The args struct of action `actionIndex`, or nil for `args none`.
    public func argumentsStruct(ofAction actionIndex: Int) -> SpecStruct? {
        actions[actionIndex].argumentsStructIndex.map { structs[$0] }
    }

    /// The size in bytes of action `actionIndex`'s action data (0 for `args none`).
    public func actionDataSize(ofAction actionIndex: Int) -> Int {
        argumentsStruct(ofAction: actionIndex)?.maximumByteSize ?? 0
    }

    /// The struct with this name, if declared.
    public func structIndex(named name: String) -> Int? { structs.firstIndex { $0.name == name } }
    /// The header with this name, if declared.
    public func headerIndex(named name: String) -> Int? { headers.firstIndex { $0.name == name } }
    /// The action with this name, if declared.
    public func actionIndex(named name: String) -> Int? { actions.firstIndex { $0.name == name } }
    /// The table with this name, if declared.
    public func tableIndex(named name: String) -> Int? { tables.firstIndex { $0.name == name } }
    /// The selector with this name, if declared.
    public func selectorIndex(named name: String) -> Int? { selectors.firstIndex { $0.name == name } }
    /// The learner with this name, if declared.
    public func learnerIndex(named name: String) -> Int? { learners.firstIndex { $0.name == name } }
    /// The register array with this name, if declared.
    public func registerArrayIndex(named name: String) -> Int? { registerArrays.firstIndex { $0.name == name } }
    /// The meter array with this name, if declared.
    public func meterArrayIndex(named name: String) -> Int? { meterArrays.firstIndex { $0.name == name } }
    /// The rss object with this name, if declared.
    public func rssObjectIndex(named name: String) -> Int? { rssObjects.firstIndex { $0.name == name } }

    /// What `table NAME` in the apply block would look up for this name (tables, selectors and learners share
    /// one name space).
    public func lookupTarget(named name: String) -> SpecLookupTarget? {
        if let i = tableIndex(named: name) { return .table(i) }
        if let i = selectorIndex(named: name) { return .selector(i) }
        if let i = learnerIndex(named: name) { return .learner(i) }
        return nil
    }
}
