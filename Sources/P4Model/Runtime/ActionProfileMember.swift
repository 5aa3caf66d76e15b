/// `p4.v1.ActionProfileMember`: an action bound to a member id of an action profile.
public struct ActionProfileMember: Sendable, Hashable {
    /// The action profile; 0 in a read means all profiles.
    public var actionProfileId: ActionProfileID
    /// The member id, chosen by the controller; 0 in a read means all members.
    public var memberId: ActionProfileMemberID
    /// The member's action; nil when absent (invalid on INSERT and MODIFY).
    public var action: Action?

    /// Creates a member.
    public init(actionProfileId: ActionProfileID = 0, memberId: ActionProfileMemberID = 0, action: Action? = nil) {
        self.actionProfileId = actionProfileId
        self.memberId = memberId
        self.action = action
    }
}

/// `p4.v1.ActionProfileGroup`: a weighted set of members of an action selector.
public struct ActionProfileGroup: Sendable, Hashable {
    /// `p4.v1.ActionProfileGroup.Member`: one member reference of a group.
    public struct Member: Sendable, Hashable {
        /// The member.
        public var memberId: ActionProfileMemberID
        /// Relative weight; must be > 0 unless P4Info disallows weights (then 0).
        public var weight: Int32
        /// The watch port; nil when neither `watch` nor `watchPort` is set.
        public var watchKind: WatchKind?

        /// Creates a member reference.
        public init(memberId: ActionProfileMemberID = 0, weight: Int32 = 0, watchKind: WatchKind? = nil) {
            self.memberId = memberId
            self.weight = weight
            self.watchKind = watchKind
        }
    }

    /// The action selector; 0 in a read means all selectors.
    public var actionProfileId: ActionProfileID
    /// The group id, chosen by the controller; 0 in a read means all groups.
    public var groupId: ActionProfileGroupID
    /// The members; each member id at most once.
    public var members: [Member]
    /// Maximum group size fixed at creation; 0 means the P4Info `max_group_size`.
    public var maxSize: Int32

    /// Creates a group.
    public init(
        actionProfileId: ActionProfileID = 0, groupId: ActionProfileGroupID = 0, members: [Member] = [],
        maxSize: Int32 = 0
    ) {
        self.actionProfileId = actionProfileId
        self.groupId = groupId
        self.members = members
        self.maxSize = maxSize
    }
}
