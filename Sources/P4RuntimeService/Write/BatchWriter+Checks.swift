import P4Device
import P4Model

extension BatchWriter {
    /// Weight rules (A7): 0 when P4Info disallows weights, else positive.
    static func checkWeight(_ weight: Int32, profile: ActionProfileSchema, path: @autoclosure () -> String) throws(P4RuntimeError) {
        if profile.weightsDisallowed {
            if weight != 0 {
                throw .invalidArgument("\(path()): \(weight) given but action selector \(profile.label) disallows weights (use 0)")
            }
        } else if weight <= 0 {
            throw .invalidArgument("\(path()): \(weight) is not a positive weight")
        }
    }

    /// Watch port rules (A8): the deprecated numeric form must not be negative.
    static func checkWatch(_ watch: WatchKind?, path: @autoclosure () -> String) throws(P4RuntimeError) {
        if case .watch(let port)? = watch, port < 0 {
            throw .invalidArgument("\(path()).watch: \(port) is not a port")
        }
    }

    /// Counter values must not be negative.
    static func checkCounterData(_ data: CounterData, path: @autoclosure () -> String) throws(P4RuntimeError) {
        if data.byteCount < 0 { throw .invalidArgument("\(path()).byteCount: \(data.byteCount) is negative") }
        if data.packetCount < 0 { throw .invalidArgument("\(path()).packetCount: \(data.packetCount) is negative") }
    }

    /// Meter config rules by meter type (C4).
    static func checkMeterConfig(_ config: MeterConfig, spec: P4Info.MeterSpec, path: @autoclosure () -> String) throws(P4RuntimeError) {
        for (name, value) in [("cir", config.cir), ("cburst", config.cburst), ("pir", config.pir),
                              ("pburst", config.pburst), ("eburst", config.eburst)] where value < 0 {
            throw .invalidArgument("\(path()).\(name): \(value) is negative")
        }
        switch spec.type {
        case .twoRateThreeColor:
            if config.eburst != 0 {
                throw .invalidArgument("\(path()).eburst: must be unset for a two-rate three-colour meter")
            }
        case .singleRateThreeColor:
            if config.pir != config.cir || config.pburst != config.cburst {
                throw .invalidArgument(
                    "\(path()): a single-rate three-colour meter needs pir == cir and pburst == cburst")
            }
        case .singleRateTwoColor:
            if config.pir != config.cir || config.pburst != config.cburst || config.eburst != 0 {
                throw .invalidArgument(
                    "\(path()): a single-rate two-colour meter needs pir == cir, pburst == cburst and no eburst")
            }
        case .unrecognized:
            break
        }
    }

    /// Per-colour meter counters may only be written as zeros (a reset), P4Runtime v1.4.
    static func checkMeterCounterReset(_ counters: MeterCounterData, path: @autoclosure () -> String) throws(P4RuntimeError) {
        for (name, data) in [("green", counters.green), ("yellow", counters.yellow), ("red", counters.red)] {
            if let data, data.byteCount != 0 || data.packetCount != 0 {
                throw .invalidArgument("\(path()).\(name): per-colour counters can only be reset (all fields 0)")
            }
        }
    }
}
