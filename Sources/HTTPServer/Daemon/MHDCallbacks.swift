import CMicroHTTPD

// libmicrohttpd's C callbacks. They live here, as global non-capturing closures outside any main.swift, because
// closures in top-level code get main-actor checks that trap on MHD threads (swift-notes §1.7).

/// Access handler: `cls` is the daemon's ``ServerCore``.
let httpAccessHandler: MHD_AccessHandlerCallback = { cls, connection, url, method, version, upload, size, conCls in
    guard let cls, let connection, let url, let method, let size, let conCls else { return .NO }
    return Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue().handle(
        connection: connection, url: url, method: method, version: version, upload: upload, size: size, conCls: conCls)
}

/// Request completed (normally, by error, timeout or client disconnect): releases the per-request state.
let httpRequestCompleted: MHD_RequestCompletedCallback = { _, _, conCls, _ in
    guard let conCls, let state = conCls.pointee else { return }
    Unmanaged<RequestState>.fromOpaque(state).release()
    conCls.pointee = nil
}

/// Content reader of streamed responses: `cls` is a retained ``StreamContext``.
let httpStreamReader: MHD_ContentReaderCallback = { cls, _, buffer, max in
    guard let cls, let buffer else { return -2 }
    let context = Unmanaged<StreamContext>.fromOpaque(cls).takeUnretainedValue()
    return context.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: max))
}

/// Frees a streamed response's context once MHD is done with it.
let httpStreamFree: MHD_ContentReaderFreeCallback = { cls in
    guard let cls else { return }
    let context = Unmanaged<StreamContext>.fromOpaque(cls).takeRetainedValue()
    context.released()
}

/// Collects header fields or query arguments into a ``KeyValueCollector``.
let httpCollectKeyValue: MHD_KeyValueIterator = { cls, _, key, value in
    guard let cls, let key else { return .YES }
    let collector = Unmanaged<KeyValueCollector>.fromOpaque(cls).takeUnretainedValue()
    collector.pairs.append((String(cString: key), value.map { String(cString: $0) }))
    return .YES
}

/// Receives key/value pairs from `MHD_get_connection_values`.
final class KeyValueCollector {
    var pairs: [(String, String?)] = []
}
