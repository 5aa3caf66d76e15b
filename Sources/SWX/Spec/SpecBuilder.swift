/// The configuration state while a `SpecDocument` is turned into a `SpecProgram`: what DPDK's
/// `struct rte_swx_pipeline` holds between `*_config` calls. Each `configure*` method mirrors one DPDK config
/// function and its checks; translation of instruction blocks lives in `SpecTranslator`.
struct SpecBuilder {
    let options: SpecLoadOptions
    var structs: [SpecStruct] = []
    var headers: [SpecHeader] = []
    var metadataStructIndex: Int?
    var actions: [SpecAction] = []
    var tables: [SpecTable] = []
    var selectors: [SpecSelector] = []
    var learners: [SpecLearner] = []
    var registerArrays: [SpecRegisterArray] = []
    var meterArrays: [SpecMeterArray] = []
    var rssObjects: [SpecRSSObject] = []
    var externObjects: [SpecExternObject] = []
    var externFunctions: [SpecExternFunctionBinding] = []
    var apply: SpecInstructionBlock?
    var applyLine = 0
    var warnings: [SpecWarning] = []

    init(options: SpecLoadOptions) {
        self.options = options
        // Registered mailboxes exist before the spec is read, as in DPDK where the application registers them.
        for function in options.externFunctions {
            externFunctions.append(.init(index: externFunctions.count, name: function.name,
                                         mailboxStructIndex: structs.count))
            structs.append(function.mailbox)
        }
    }

    mutating func configure(_ document: SpecDocument) throws(SpecError) {
        for object in document.externObjects { try configureExternObject(object) }
        for array in document.registerArrays { try configureRegisterArray(array) }
        for rss in document.rssObjects { try configureRSS(rss) }
        for array in document.meterArrays { try configureMeterArray(array) }
        for declaration in document.structs { try configureStruct(declaration) }
        for header in document.headers { try configureHeader(header) }
        for metadata in document.metadata { try configureMetadata(metadata) }
        for action in document.actions { try configureAction(action) }
        for table in document.tables { try configureTable(table) }
        for selector in document.selectors { try configureSelector(selector) }
        for learner in document.learners { try configureLearner(learner) }
        for block in document.applyBlocks { try configureApply(block) }
    }

    func program() throws(SpecError) -> SpecProgram {
        guard let metadataStructIndex else {
            throw SpecError(stage: .config, line: 0, message: "no 'metadata instanceof STRUCT' statement")
        }
        guard let apply else {
            throw SpecError(stage: .config, line: 0, message: "no 'apply { }' block")
        }
        var program = SpecProgram(
            structs: structs, headers: headers, metadataStructIndex: metadataStructIndex, actions: actions,
            tables: tables, selectors: selectors, learners: learners, registerArrays: registerArrays,
            meterArrays: meterArrays, rssObjects: rssObjects, externTypes: options.externTypes,
            externObjects: externObjects, externFunctions: externFunctions, apply: apply, applyLine: applyLine,
            warnings: [])
        program.meterColorEncoding = Self.meterColorEncoding(of: structs[metadataStructIndex])
        program.warnings = warnings + Self.defectWarnings(in: program)
        return program
    }

    static func config(_ line: Int, _ message: String) -> SpecError {
        SpecError(stage: .config, line: line, message: message)
    }

    // MARK: Name look-ups

    func structIndex(named name: String) -> Int? { structs.firstIndex { $0.name == name } }
    func headerIndex(named name: String) -> Int? { headers.firstIndex { $0.name == name } }
    func actionIndex(named name: String) -> Int? { actions.firstIndex { $0.name == name } }

    var metadataStruct: SpecStruct? { metadataStructIndex.map { structs[$0] } }

    /// Whether a table, selector or learner already uses `name` (they share one name space).
    func tableLikeNameExists(_ name: String) -> Bool {
        tables.contains { $0.name == name } || selectors.contains { $0.name == name }
            || learners.contains { $0.name == name }
    }
}
