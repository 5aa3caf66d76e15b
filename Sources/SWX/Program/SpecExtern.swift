/// An extern object type the embedding application registers before loading a spec (DPDK's
/// `rte_swx_pipeline_extern_type_register`). p4rtd registers none by default, so `extobj` statements are
/// rejected unless a caller supplies types through `SpecLoadOptions`.
public struct SpecExternType: Sendable, Hashable {
    /// The type name used after `instanceof`.
    public var name: String
    /// The mailbox struct (fields of `e.OBJ.FIELD`).
    public var mailbox: SpecStruct
    /// The member function names (`e.OBJ.FUNC`), in registration order.
    public var memberFunctions: [String]

    /// Creates an extern type.
    public init(name: String, mailbox: SpecStruct, memberFunctions: [String]) {
        self.name = name
        self.mailbox = mailbox
        self.memberFunctions = memberFunctions
    }
}

/// An extern function the embedding application registers (`f.FUNC`).
public struct SpecExternFunction: Sendable, Hashable {
    /// The function name.
    public var name: String
    /// The mailbox struct (fields of `f.FUNC.FIELD`).
    public var mailbox: SpecStruct

    /// Creates an extern function.
    public init(name: String, mailbox: SpecStruct) {
        self.name = name
        self.mailbox = mailbox
    }
}

/// An `extobj NAME instanceof TYPE [pragma ARGS]` declaration.
public struct SpecExternObject: Sendable, Hashable {
    /// The object id (declaration order).
    public var index: Int
    /// The object name.
    public var name: String
    /// The index into `SpecProgram.externTypes` of its type.
    public var typeIndex: Int
    /// The index into `SpecProgram.structs` of its type's mailbox struct.
    public var mailboxStructIndex: Int
    /// The constructor arguments after `pragma`, if any.
    public var pragma: String?
    /// The 1-based line of the declaration.
    public var line: Int

    /// Creates an extern object.
    public init(index: Int, name: String, typeIndex: Int, mailboxStructIndex: Int, pragma: String?, line: Int) {
        self.index = index
        self.name = name
        self.typeIndex = typeIndex
        self.mailboxStructIndex = mailboxStructIndex
        self.pragma = pragma
        self.line = line
    }
}

/// A registered extern function as the program refers to it.
public struct SpecExternFunctionBinding: Sendable, Hashable {
    /// The function id (registration order).
    public var index: Int
    /// The function name.
    public var name: String
    /// The index into `SpecProgram.structs` of its mailbox struct.
    public var mailboxStructIndex: Int

    /// Creates a binding.
    public init(index: Int, name: String, mailboxStructIndex: Int) {
        self.index = index
        self.name = name
        self.mailboxStructIndex = mailboxStructIndex
    }
}
