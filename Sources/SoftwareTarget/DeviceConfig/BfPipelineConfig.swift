/// Stratum's `BfPipelineConfig`, the `p4_device_config` that IPDK's `tdi_pipeline_builder` writes into
/// `*.pb.bin` files (for the DPDK target, `profiles[].binary` is the `.spec` text).
///
/// Field numbers follow `message BfPipelineConfig` in ipdk-io/stratum-dev:stratum/hal/lib/tdi/tdi.proto:
/// `p4_name = 1`, `bfruntime_info = 2`, `profiles = 3`, `packet_io_config = 4`; `Profile { profile_name = 1,
/// context = 2, binary = 3, pipe_scope = 4 }`; `PacketIoConfig { ports = 1, nb_rxqs = 2, nb_txqs = 3 }`.
/// Unknown fields are skipped, as proto3 requires.
public struct BfPipelineConfig: Equatable, Sendable {
    /// One compiled pipeline of the program and the hardware pipes it applies to.
    public struct Profile: Equatable, Sendable {
        /// The profile's name (p4c's pipeline name, `pipe` for k8s_dp).
        public var profileName: String = ""
        /// The `context.json` bytes.
        public var context: [UInt8] = []
        /// The compiled binary; for DPDK, the `.spec` text.
        public var binary: [UInt8] = []
        /// The pipes this profile is loaded on.
        public var pipeScope: [UInt32] = []

        /// An empty profile (every field at its proto3 default).
        public init() {}
    }

    /// Packet-I/O settings (ports and queue counts) that the builder may record.
    public struct PacketIoConfig: Equatable, Sendable {
        /// The packet-I/O ports.
        public var ports: [UInt32] = []
        /// Receive queues per port.
        public var rxQueueCount: UInt32 = 0
        /// Transmit queues per port.
        public var txQueueCount: UInt32 = 0

        /// An empty configuration (every field at its proto3 default).
        public init() {}
    }

    /// The P4 program's name.
    public var p4Name: String = ""
    /// The `bfrt.json` / `tdi.json` bytes.
    public var bfruntimeInfo: [UInt8] = []
    /// The program's compiled pipelines, in wire order.
    public var profiles: [Profile] = []
    /// Packet-I/O settings, when present on the wire.
    public var packetIoConfig: PacketIoConfig?

    /// An empty configuration (every field at its proto3 default).
    public init() {}

    /// Decodes a serialized `BfPipelineConfig`; throws a `ProtobufError` naming the message path and byte offset
    /// on malformed input (truncation, bad lengths, wrong wire types, invalid UTF-8 in strings).
    public init(serialized bytes: [UInt8]) throws(ProtobufError) {
        var reader = ProtobufReader(bytes, path: "BfPipelineConfig")
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1:
                try reader.expect(tag, .lengthDelimited, name: "p4_name")
                p4Name = try reader.readString(tag, name: "p4_name")
            case 2:
                try reader.expect(tag, .lengthDelimited, name: "bfruntime_info")
                bfruntimeInfo = try reader.readBytes(tag)
            case 3:
                try reader.expect(tag, .lengthDelimited, name: "profiles")
                var child = try reader.readMessage(tag, childPath: "BfPipelineConfig.profiles[\(profiles.count)]")
                profiles.append(try Profile(from: &child))
            case 4:
                try reader.expect(tag, .lengthDelimited, name: "packet_io_config")
                var child = try reader.readMessage(tag, childPath: "BfPipelineConfig.packet_io_config")
                // A repeated occurrence of a singular message field merges into the earlier one.
                var config = packetIoConfig ?? PacketIoConfig()
                try config.merge(from: &child)
                packetIoConfig = config
            default:
                try reader.skip(tag)
            }
        }
    }
}

extension BfPipelineConfig.Profile {
    init(from reader: inout ProtobufReader) throws(ProtobufError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1:
                try reader.expect(tag, .lengthDelimited, name: "profile_name")
                profileName = try reader.readString(tag, name: "profile_name")
            case 2:
                try reader.expect(tag, .lengthDelimited, name: "context")
                context = try reader.readBytes(tag)
            case 3:
                try reader.expect(tag, .lengthDelimited, name: "binary")
                binary = try reader.readBytes(tag)
            case 4:
                try reader.readRepeatedUInt32(tag, name: "pipe_scope", into: &pipeScope)
            default:
                try reader.skip(tag)
            }
        }
    }
}

extension BfPipelineConfig.PacketIoConfig {
    mutating func merge(from reader: inout ProtobufReader) throws(ProtobufError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1:
                try reader.readRepeatedUInt32(tag, name: "ports", into: &ports)
            case 2:
                try reader.expect(tag, .varint, name: "nb_rxqs")
                rxQueueCount = UInt32(truncatingIfNeeded: try reader.readVarint())
            case 3:
                try reader.expect(tag, .varint, name: "nb_txqs")
                txQueueCount = UInt32(truncatingIfNeeded: try reader.readVarint())
            default:
                try reader.skip(tag)
            }
        }
    }
}
