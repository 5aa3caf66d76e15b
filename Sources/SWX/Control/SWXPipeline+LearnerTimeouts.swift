extension SWXPipeline {
    /// The expire-time profiles of learner `learner` in seconds, indexed by timeout id (the spec's `timeout` list,
    /// padded to a power of two with its first value, as the learner stores it), with every change made by
    /// `setLearnerTimeout` since the pipeline was built.
    public func learnerTimeouts(_ learner: String) throws(SWXPipelineError) -> [UInt32] {
        let l = try learnerIndex(learner)
        return lock.withLock { _ in runtime.learners[l].timeouts }
    }
}
