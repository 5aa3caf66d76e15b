import Ports

extension SoftwareTargetDevice {
    /// Runs one burst of packets received on `port` exactly as the run loop does after polling that port: under
    /// the device lock (after any waiting control-plane caller), through the running pipeline, each output
    /// transmitted on its port's backend (the controller port's outputs become packet-in events). Does nothing
    /// without a pipeline. For callers that poll ports themselves, and for `p4rtd-bench binding`.
    ///
    /// The packets must stay valid for the call; the run loop must not be running on the same device.
    public func runReceivedBurst(port: UInt32, _ packets: UnsafeMutableBufferPointer<PacketRef>) {
        runBurst(port: port, packets)
    }
}
