/// One line of a selector group-member file (`selector NAME group member add FILE` in DPDK's CLI):
/// `group G member M [weight W]`.
public struct SpecSelectorMember: Sendable, Hashable {
    /// The group id.
    public var group: UInt32
    /// The member id.
    public var member: UInt32
    /// The member's weight (1 when the line gives none; DPDK's CLI leaves it unset).
    public var weight: UInt32

    /// Creates a member line.
    public init(group: UInt32, member: UInt32, weight: UInt32) {
        self.group = group
        self.member = member
        self.weight = weight
    }

    /// Parses one line; nil for a blank or comment-only line.
    public static func parse(_ line: Substring) throws(SpecTextError) -> SpecSelectorMember? {
        var tokens: [Substring] = []
        for token in line.split(whereSeparator: SpecTokenizer.isSeparator) {
            if token.hasPrefix("#") || token.hasPrefix(";") || token.hasPrefix("//") { break }
            tokens.append(token)
        }
        guard !tokens.isEmpty else { return nil }
        guard tokens.count >= 4, tokens[0] == "group", tokens[2] == "member" else {
            throw SpecTextError(line: 0, message: "expected 'group G member M [weight W]'")
        }
        let group = try number(tokens[1], what: "group id")
        let member = try number(tokens[3], what: "member id")
        var weight: UInt32 = 1
        if tokens.count > 4 {
            guard tokens.count == 6, tokens[4] == "weight" else {
                throw SpecTextError(line: 0, message: "expected 'weight W' after the member id")
            }
            weight = try number(tokens[5], what: "weight")
        }
        return SpecSelectorMember(group: group, member: member, weight: weight)
    }

    /// Parses every line of a file, attaching 1-based line numbers to errors.
    public static func parseAll(_ text: String) throws(SpecTextError) -> [SpecSelectorMember] {
        var result: [SpecSelectorMember] = []
        var number = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            do {
                if let member = try parse(line) { result.append(member) }
            } catch {
                throw SpecTextError(line: number, message: error.message)
            }
        }
        return result
    }

    /// Formats the member as the line `parse` reads.
    public var text: String { "group \(group) member \(member) weight \(weight)" }

    static func number(_ token: Substring, what: String) throws(SpecTextError) -> UInt32 {
        guard let first = token.first, first.isNumber, let value = CNumber.parseUnsigned(token),
              value <= UInt64(UInt32.max) else {
            throw SpecTextError(line: 0, message: "\(what) '\(token)' is not a 32-bit number")
        }
        return UInt32(value)
    }
}
