/// `p4.v1.ValueSetMember`: one member of a parser value set, matched like a table key.
public struct ValueSetMember: Sendable, Hashable {
    /// The member's field matches.
    public var match: [FieldMatch]
    /// Creates a member.
    public init(match: [FieldMatch] = []) { self.match = match }
}

/// `p4.v1.ValueSetEntry`: the complete member set of a parser value set (MODIFY replaces it).
public struct ValueSetEntry: Sendable, Hashable {
    /// The value set.
    public var valueSetId: ValueSetID
    /// The members; empty clears the set.
    public var members: [ValueSetMember]
    /// Creates a value set entry.
    public init(valueSetId: ValueSetID = 0, members: [ValueSetMember] = []) {
        self.valueSetId = valueSetId
        self.members = members
    }
}
