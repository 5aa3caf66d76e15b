import P4Model

/// One write batch on a device: operations are applied in order, each with its own result, then the batch is
/// committed or aborted.
///
/// Contract by atomicity mode (the one given to `P4Device.beginTransaction`):
/// - CONTINUE_ON_ERROR: each successful `apply` takes effect (at the latest at `commit`); `abort` is not called.
/// - ROLLBACK_ON_ERROR: after `abort` the device is exactly as before `beginTransaction` (tables, profiles, cells).
/// - DATAPLANE_ATOMIC: as ROLLBACK_ON_ERROR, and packets see either none or all of the batch: changes become
///   visible to the data plane at once in `commit`.
/// Exactly one of `commit` and `abort` is called, once; the device serialises transactions.
public protocol DeviceTransaction: AnyObject {
    /// Applies one operation; nil on success, else the error for that update (e.g. RESOURCE_EXHAUSTED when the
    /// target's table is full, UNIMPLEMENTED for something the device cannot do). A failed operation changes
    /// nothing.
    func apply(_ operation: DeviceOperation) -> P4RuntimeError?
    /// Makes the batch's successful operations visible to packets.
    ///
    /// - Throws: only for device failures (INTERNAL), after which the service reports every update as failed.
    func commit() throws(P4RuntimeError)
    /// Undoes every operation applied in this transaction.
    func abort()
}

extension DeviceTransaction {
    /// Applies `operations` in order; one result per operation (nil = OK).
    public func apply(_ operations: [DeviceOperation]) -> [P4RuntimeError?] {
        operations.map { apply($0) }
    }
}
