/// The rules Linux applies to network interface names (`dev_valid_name`), checked before any system call so
/// that a typo gets a precise message instead of a bare EINVAL.
public enum InterfaceName {
    /// The longest name Linux accepts (IFNAMSIZ - 1).
    public static let maximumLength = 15

    /// Nil when `name` is a valid interface name, else the reason it is not.
    public static func problem(with name: String) -> String? {
        let bytes = Array(name.utf8)
        if bytes.isEmpty { return "interface name is empty" }
        if bytes.count > maximumLength {
            return "interface name '\(name)' is \(bytes.count) bytes long; Linux allows at most \(maximumLength)"
        }
        if name == "." || name == ".." { return "interface name '\(name)' is reserved" }
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "/"), UInt8(ascii: ":"):
                return "interface name '\(name)' contains '\(Character(Unicode.Scalar(byte)))'"
            case UInt8(ascii: "%"):
                return "interface name '\(name)' contains '%' (name patterns are not supported; give the exact name)"
            case 0...32, 127:
                return "interface name '\(name)' contains whitespace or a control character"
            default:
                continue
            }
        }
        return nil
    }
}
