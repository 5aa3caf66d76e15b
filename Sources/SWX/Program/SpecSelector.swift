/// A `selector NAME { ... }` block: maps a group id plus a hash of the selector fields to a member id.
///
/// Selectors share the table name space and are numbered in declaration order from 0.
public struct SpecSelector: Sendable, Hashable {
    /// The selector id (declaration order among selectors).
    public var index: Int
    /// The selector name.
    public var name: String
    /// `group_id m.F`: the metadata field holding the group id (read as a 32-bit little-endian word).
    public var groupID: SpecFieldOperand
    /// The fields listed in the inner `selector { }` block, in order, all from one header or the metadata.
    public var selectorFields: [SpecKeyField]
    /// The bytes the selector hash reads: lowest to highest selector field, holes masked out.
    public var selectorWindow: SpecKeyWindow
    /// `member_id m.F`: the metadata field the selected member id is written to (32-bit little-endian word).
    public var memberID: SpecFieldOperand
    /// `n_groups_max N`.
    public var groupCountMax: Int
    /// `n_members_per_group_max N`.
    public var membersPerGroupMax: Int
    /// The 1-based line of the `selector` statement.
    public var line: Int

    /// Creates a selector.
    public init(index: Int, name: String, groupID: SpecFieldOperand, selectorFields: [SpecKeyField],
                selectorWindow: SpecKeyWindow, memberID: SpecFieldOperand, groupCountMax: Int,
                membersPerGroupMax: Int, line: Int) {
        self.index = index
        self.name = name
        self.groupID = groupID
        self.selectorFields = selectorFields
        self.selectorWindow = selectorWindow
        self.memberID = memberID
        self.groupCountMax = groupCountMax
        self.membersPerGroupMax = membersPerGroupMax
        self.line = line
    }
}
