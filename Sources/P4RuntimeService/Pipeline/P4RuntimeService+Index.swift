import P4Device
import P4Model

extension P4RuntimeService {
    /// The checked P4Info that reads and writes of `deviceId` currently refer to (the saved pipeline after
    /// VERIFY_AND_SAVE, else the committed one); nil before any pipeline. The friendly, name-based endpoints
    /// resolve names against it.
    ///
    /// - Throws: NOT_FOUND for an unknown device id.
    public func pipelineIndex(deviceId: UInt64) throws(P4RuntimeError) -> P4InfoIndex? {
        try pipelineSchema(deviceId: deviceId)?.index
    }
}
