import P4Model

/// The members and groups of one action profile or selector, with the reference counts P4Runtime's delete rules
/// need (A3, A5) and the programming style in use (A11: one-shot and member/group never mix on one selector).
struct ProfileStore: Sendable {
    struct MemberRecord: Sendable {
        var member: ActionProfileMember
        /// Groups containing the member.
        var groupCount: Int = 0
        /// Table entries naming the member directly.
        var entryCount: Int = 0
    }

    struct GroupRecord: Sendable {
        var group: ActionProfileGroup
        /// Table entries naming the group.
        var entryCount: Int = 0
    }

    var members: [ActionProfileMemberID: MemberRecord] = [:]
    var groups: [ActionProfileGroupID: GroupRecord] = [:]
    /// Table entries of the profile's tables programmed with a one-shot action set.
    var oneShotEntries = 0

    /// True when member/group programming is in use (any member or group exists).
    var usesMemberGroupProgramming: Bool { !members.isEmpty || !groups.isEmpty }
}
