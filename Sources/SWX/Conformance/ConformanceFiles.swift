#if canImport(Glibc)
import Glibc
#endif

/// File access for the conformance runner. The SWX module otherwise imports only the standard library; the
/// runner needs to read case, spec and entry files, which the C library provides.
public enum ConformanceFiles {
    /// Why a file could not be read.
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        /// The path.
        public var path: String
        /// The C library's reason.
        public var reason: String
        /// `"path: reason"`.
        public var description: String { "\(path): \(reason)" }
    }

    /// The whole file at `path` as UTF-8 text (invalid bytes are replaced).
    public static func readText(_ path: String) throws -> String {
        #if canImport(Glibc)
        guard let file = fopen(path, "rb") else {
            throw ReadError(path: path, reason: String(cString: strerror(errno)))
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if n > 0 { bytes.append(contentsOf: chunk[0..<n]) }
            if n < chunk.count {
                if ferror(file) != 0 { throw ReadError(path: path, reason: "read error") }
                break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
        #else
        throw ReadError(path: path, reason: "file reading is not supported on this platform")
        #endif
    }
}
