import Glibc

/// Process-wide allocator tuning, set once at start-up by the executable (it is a property of the process, not of
/// the HTTP layer or the service).
enum MallocTuning {
    /// Sets glibc's `M_TOP_PAD` to `bytes`: how much more than asked for a malloc heap grows by. Handlers run on
    /// libmicrohttpd's threads, whose malloc arenas grow by `mprotect` calls; a bulk write builds hundreds of MB of
    /// small allocations, and with glibc's 128 KiB default that is thousands of calls, each splitting and merging a
    /// memory mapping (7% of the CPU of a 640k-entry write). Untouched pad pages cost no memory. `mallopt` is looked
    /// up at run time because the Glibc module does not import `<malloc.h>`.
    static func setTopPad(_ bytes: Int) {
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let topPadParameter: Int32 = -2  // M_TOP_PAD in <malloc.h>
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(topPadParameter, Int32(clamping: bytes))
    }
}
