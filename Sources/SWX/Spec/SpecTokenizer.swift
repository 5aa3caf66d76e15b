/// Splits `.spec` (and table-entry) text into lines of tokens the way DPDK's readers do.
///
/// Tokens are separated by any of `" \f\n\r\t\v"`; a token starting with `#`, `;` or `//` ends the line
/// (a comment). Lines without tokens are skipped. DPDK's limits are enforced: at most 256 tokens per line and
/// every token shorter than 64 characters. Lines are also limited to 2047 characters, the most DPDK's
/// 2048-byte `fgets` buffer holds (DPDK would silently split a longer line; p4rtd rejects it instead).
public enum SpecTokenizer {
    /// DPDK's `RTE_SWX_NAME_SIZE`: tokens and names must be shorter than this.
    public static let nameSize = 64
    /// DPDK's `MAX_TOKENS` per line.
    public static let maximumTokensPerLine = 256
    /// The longest line (without its newline) DPDK's reader takes in one piece.
    public static let maximumLineLength = 2047

    /// One non-empty line: its 1-based number and its tokens.
    public struct Line: Sendable, Hashable {
        /// 1-based line number in the file.
        public var number: Int
        /// The tokens, comments removed.
        public var tokens: [Substring]
    }

    /// A tokenizing failure: the line and what limit was broken.
    public struct Failure: Error, Sendable, Hashable {
        /// 1-based line number.
        public var line: Int
        /// What is wrong.
        public var message: String
    }

    /// Tokenizes `text`. Lines end at `\n`; a `\r` before it is whitespace.
    public static func lines(of text: String) throws(Failure) -> [Line] {
        var result: [Line] = []
        var number = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            if rawLine.utf8.count > maximumLineLength {
                throw Failure(line: number, message: "line longer than \(maximumLineLength) characters")
            }
            var tokens: [Substring] = []
            for token in rawLine.split(whereSeparator: isSeparator) {
                if token.hasPrefix("#") || token.hasPrefix(";") || token.hasPrefix("//") { break }
                if tokens.count >= maximumTokensPerLine {
                    throw Failure(line: number, message: "too many tokens (more than \(maximumTokensPerLine))")
                }
                if token.utf8.count >= nameSize {
                    throw Failure(line: number,
                                  message: "token '\(token.prefix(20))...' has \(token.utf8.count) characters; "
                                      + "tokens must be shorter than \(nameSize)")
                }
                tokens.append(token)
            }
            if !tokens.isEmpty { result.append(Line(number: number, tokens: tokens)) }
        }
        return result
    }

    static func isSeparator(_ character: Character) -> Bool {
        switch character {
        case " ", "\u{0C}", "\n", "\r", "\t", "\u{0B}", "\r\n": true
        default: false
        }
    }
}
