import P4Device
import P4Model

/// The transaction used while a pipeline is saved but not committed: operations are recorded for COMMIT to
/// replay instead of reaching the device, which still runs the previous pipeline.
final class RecordingTransaction: DeviceTransaction {
    private(set) var operations: [DeviceOperation] = []
    private var aborted = false

    func apply(_ operation: DeviceOperation) -> P4RuntimeError? {
        operations.append(operation)
        return nil
    }

    func commit() throws(P4RuntimeError) {}

    func abort() {
        aborted = true
        operations = []
    }
}
