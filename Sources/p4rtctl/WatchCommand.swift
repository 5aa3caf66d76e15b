import ArgumentParser
import Foundation
import JSONCore
import P4RTClient
import Synchronization

/// `p4rtctl watch`: print the server's stream events (arbitration, packet-in, idle timeouts, learned flows…).
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Print stream events as they arrive (pretty, or one JSON object per line with --output json).",
        discussion: "Opens a controller session on /v1/stream; with --election-id it arbitrates and may become the primary, which is what receives packet-in, digests and idle-timeout notifications. Ctrl-C ends it.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Stop after this many events (0: run until interrupted or the server ends the stream).") var count: Int = 0
    @Option(help: "Role name.") var role: String?
    @Option(help: "Print only events of this kind (e.g. learnedFlow, packet, idleTimeoutNotification).") var only: String?

    func run() throws {
        let client = try global.client()
        let done = DispatchSemaphore(value: 0)
        let seen = Atomic<Int>(0)
        let failure = Mutex<String?>(nil)
        let json = global.output == .json
        let limit = count
        let only = self.only
        let subscription = client.subscribe(
            electionId: global.electionId.map { Uint128Text(low: $0) }, role: role,
            onEvent: { event in
                if event.event == "session" { return }
                if let only, event.event != only { return }
                if json {
                    let data = (try? JSONValue.parse(event.data)) ?? .string(event.data)
                    printJSON(.object(JSONObject(uniqueKeysWithValues: [("event", .string(event.event)), ("data", data)])), pretty: false)
                } else {
                    print("\(event.event): \(event.data)")
                }
                fflush(nil)
                if limit > 0 && seen.add(1, ordering: .relaxed).newValue >= limit { done.signal() }
            },
            onEnd: { reason in
                failure.withLock { $0 = reason }
                done.signal()
            })
        done.wait()
        subscription.close()
        if let reason = failure.withLock({ $0 }) {
            FileHandle.standardError.write(Data("p4rtctl: stream ended: \(reason)\n".utf8))
            throw ExitCode(reason.hasPrefix("HTTP") ? 1 : 69)
        }
    }
}
