import JSONCore
import P4JSON

extension P4RTClient {
    /// The expire-time profiles of add-on-miss table `table` (P4Info name, alias or id):
    /// `GET /v1/tables/{table}/timeouts`. Every profile is listed, by id.
    public func learnerTimeouts(table: String) throws(P4RTClientError) -> LearnerTimeouts {
        try decodeTimeouts(try friendly("GET", "tables/\(table)/timeouts"))
    }

    /// Sets the given profiles of add-on-miss table `table` (all or none) and returns every profile afterwards:
    /// `PUT /v1/tables/{table}/timeouts`, with the client's election id.
    public func setLearnerTimeouts(table: String, _ profiles: [LearnerTimeouts.Profile]) throws(P4RTClientError)
        -> LearnerTimeouts
    {
        try decodeTimeouts(try friendly("PUT", "tables/\(table)/timeouts", body: LearnerTimeouts(timeouts: profiles).json))
    }

    private func decodeTimeouts(_ value: JSONValue) throws(P4RTClientError) -> LearnerTimeouts {
        do { return try LearnerTimeouts.decode(value) } catch { throw .protocolViolation("timeouts answer: \(error.message)") }
    }
}
