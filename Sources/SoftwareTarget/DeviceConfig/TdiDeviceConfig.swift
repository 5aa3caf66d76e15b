/// Stratum-tdi's `TdiDeviceConfig`, the newer layout of a TDI device config (one or more programs, each with
/// its `bfrt.json`/`tdi.json`, P4Info and pipelines).
///
/// Field numbers follow `message TdiDeviceConfig` in ipdk-io/stratum-dev:stratum/hal/lib/tdi/tdi.proto:
/// `programs = 1`; `P4Program { name = 1, bfrt = 2, p4info = 3, pipelines = 4 }`; `P4Pipeline { name = 1,
/// scope = 2, context = 3, config = 4 }`. The embedded P4Info is kept as its serialized bytes: decoding it is
/// the P4Info loader's job, not this one's.
public struct TdiDeviceConfig: Equatable, Sendable {
    /// One P4 program.
    public struct P4Program: Equatable, Sendable {
        /// One compiled pipeline of the program.
        public struct P4Pipeline: Equatable, Sendable {
            /// The pipeline's name.
            public var name: String = ""
            /// The pipes it applies to.
            public var scope: [UInt32] = []
            /// The `context.json` bytes.
            public var context: [UInt8] = []
            /// The compiled binary; for DPDK, the `.spec` text.
            public var config: [UInt8] = []

            /// An empty pipeline (every field at its proto3 default).
            public init() {}
        }

        /// The program's name.
        public var name: String = ""
        /// The `bfrt.json` / `tdi.json` bytes.
        public var bfrt: [UInt8] = []
        /// The serialized `p4.config.v1.P4Info` message (empty when absent).
        public var p4infoSerialized: [UInt8] = []
        /// The program's pipelines, in wire order.
        public var pipelines: [P4Pipeline] = []

        /// An empty program (every field at its proto3 default).
        public init() {}
    }

    /// The programs, in wire order.
    public var programs: [P4Program] = []

    /// An empty configuration.
    public init() {}

    /// Decodes a serialized `TdiDeviceConfig`; throws a `ProtobufError` naming the message path and byte
    /// offset on malformed input.
    public init(serialized bytes: [UInt8]) throws(ProtobufError) {
        var reader = ProtobufReader(bytes, path: "TdiDeviceConfig")
        while let tag = try reader.nextTag() {
            guard tag.fieldNumber == 1 else {
                try reader.skip(tag)
                continue
            }
            try reader.expect(tag, .lengthDelimited, name: "programs")
            var child = try reader.readMessage(tag, childPath: "TdiDeviceConfig.programs[\(programs.count)]")
            programs.append(try P4Program(from: &child))
        }
    }
}

extension TdiDeviceConfig.P4Program {
    init(from reader: inout ProtobufReader) throws(ProtobufError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1:
                try reader.expect(tag, .lengthDelimited, name: "name")
                name = try reader.readString(tag, name: "name")
            case 2:
                try reader.expect(tag, .lengthDelimited, name: "bfrt")
                bfrt = try reader.readBytes(tag)
            case 3:
                try reader.expect(tag, .lengthDelimited, name: "p4info")
                // Repeated occurrences of a singular message merge; for serialized bytes that is concatenation.
                p4infoSerialized += try reader.readBytes(tag)
            case 4:
                try reader.expect(tag, .lengthDelimited, name: "pipelines")
                var child = try reader.readMessage(tag, childPath: "\(reader.path).pipelines[\(pipelines.count)]")
                pipelines.append(try P4Pipeline(from: &child))
            default:
                try reader.skip(tag)
            }
        }
    }
}

extension TdiDeviceConfig.P4Program.P4Pipeline {
    init(from reader: inout ProtobufReader) throws(ProtobufError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1:
                try reader.expect(tag, .lengthDelimited, name: "name")
                name = try reader.readString(tag, name: "name")
            case 2:
                try reader.readRepeatedUInt32(tag, name: "scope", into: &scope)
            case 3:
                try reader.expect(tag, .lengthDelimited, name: "context")
                context = try reader.readBytes(tag)
            case 4:
                try reader.expect(tag, .lengthDelimited, name: "config")
                config = try reader.readBytes(tag)
            default:
                try reader.skip(tag)
            }
        }
    }
}
