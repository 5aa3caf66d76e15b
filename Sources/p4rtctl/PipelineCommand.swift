import ArgumentParser
import Foundation
import P4JSON
import P4Model
import P4RTClient

/// `p4rtctl pipeline set|get`.
struct PipelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline", abstract: "Install or show the forwarding pipeline.",
        subcommands: [Set.self, Get.self])

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Install a pipeline (SetForwardingPipelineConfig).")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("The P4Info, text format or JSON.", valueName: "FILE")) var p4info: String
        @Option(help: ArgumentHelp("The device config (e.g. a .spec, or IPDK's .pb.bin); none = P4Info-only device.", valueName: "FILE"))
        var deviceConfig: String?
        @Option(help: "VERIFY, VERIFY_AND_SAVE, VERIFY_AND_COMMIT, COMMIT or RECONCILE_AND_COMMIT.")
        var action: String = "VERIFY_AND_COMMIT"
        @Option(help: "A cookie stored with the pipeline and returned by `pipeline get`.") var cookie: UInt64?

        func run() throws {
            guard let setAction = SetForwardingPipelineConfigRequest.Action(name: action) else {
                throw ValidationError("--action: '\(action)' is not a SetForwardingPipelineConfig action")
            }
            let info = try readFile(p4info)
            let p4 = try perform { () throws(P4RTClientError) -> P4Info in
                do throws(P4RuntimeError) {
                    let first = info.first { ![0x20, 0x0a, 0x0d, 0x09].contains($0) }
                    if first == UInt8(ascii: "{") { return try P4InfoJSON.decode(info) }
                    return try P4Info.decode(textFormat: String(decoding: info, as: UTF8.self), source: p4info).p4info
                } catch {
                    throw .server(error.prefixed(p4info), httpStatus: 0)
                }
            }
            var request = SetForwardingPipelineConfigRequest()
            request.action = setAction
            request.config = ForwardingPipelineConfig(
                p4info: p4, p4DeviceConfig: try deviceConfig.map(readFile) ?? [],
                cookie: cookie.map { ForwardingPipelineConfig.Cookie(cookie: $0) })
            let client = try global.client()
            try perform { () throws(P4RTClientError) in try client.setPipeline(request) }
            if global.output == .json { print("{}") }
        }
    }

    struct Get: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "get", abstract: "Show the installed pipeline (GetForwardingPipelineConfig).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "ALL, COOKIE_ONLY, P4INFO_AND_COOKIE or DEVICE_CONFIG_AND_COOKIE.") var responseType = "P4INFO_AND_COOKIE"

        func run() throws {
            guard let type = GetForwardingPipelineConfigRequest.ResponseType(name: responseType) else {
                throw ValidationError("--response-type: '\(responseType)' is not a response type")
            }
            let client = try global.client()
            let response = try perform { () throws(P4RTClientError) in try client.getPipeline(type) }
            if global.output == .json {
                print(ProtoJSON.string(response, pretty: true))
                return
            }
            guard let config = response.config else { print("no pipeline installed"); return }
            if let cookie = config.cookie { print("cookie: \(cookie.cookie)") }
            if let p4info = config.p4info {
                print("program: \(p4info.pkgInfo?.name ?? "-") arch: \(p4info.pkgInfo?.arch ?? "-")")
                print("tables: \(p4info.tables.count) actions: \(p4info.actions.count) counters: \(p4info.counters.count) registers: \(p4info.registers.count)")
            }
            if !config.p4DeviceConfig.isEmpty { print("device config: \(config.p4DeviceConfig.count) bytes") }
        }
    }
}

/// The bytes of a file, or a usage error naming it.
func readFile(_ path: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw ValidationError("cannot read \(path)")
    }
    return Array(data)
}
