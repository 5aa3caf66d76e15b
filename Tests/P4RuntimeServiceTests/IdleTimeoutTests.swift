import P4Device
import P4Model
import P4RuntimeService
import Testing

@Suite("Idle timeouts (S11, T22) on a manual clock")
struct IdleTimeoutTests {
    typealias T = TestPipeline

    private func primary(_ service: P4RuntimeService) throws -> StreamSession {
        let session = try service.openSession()
        try service.handle(StreamMessageRequest(.arbitration(MasterArbitrationUpdate(
            deviceId: 1, electionId: Uint128(low: 1)))), from: session)
        _ = session.poll()
        return session
    }

    private func notifications(_ session: StreamSession) -> [IdleTimeoutNotification] {
        session.poll().compactMap { event in
            if case .idleTimeoutNotification(let notification) = event { return notification }
            return nil
        }
    }

    @Test func expiredEntriesAreCoalescedPerSweepAndReNotifiedAfterAnotherTTL() throws {
        let (service, clock) = try T.service()
        let session = try primary(service)
        var first = T.lpmEntry(10 << 24, 8, idleTimeoutNs: 1_000_000_000)
        first.controllerMetadata = 5
        first.metadata = [7]
        let second = T.lpmEntry(11 << 24, 8, idleTimeoutNs: 1_000_000_000)
        let never = T.lpmEntry(12 << 24, 8)
        try service.write(T.write([T.insert(first), T.insert(second), T.insert(never)],
                                  electionId: Uint128(low: 1)))
        clock.advance(byMilliseconds: 999)
        service.tick()
        #expect(notifications(session).isEmpty)  // never an empty notification
        clock.advance(byMilliseconds: 1)
        service.tick()
        let sent = notifications(session)
        #expect(sent.count == 1)
        var expectedFirst = first
        expectedFirst.action = nil
        var expectedSecond = second
        expectedSecond.action = nil
        #expect(sent.first?.tableEntry == [expectedFirst, expectedSecond])
        #expect(sent.first?.timestamp == clock.epochNanoseconds())
        // The timer was reset: nothing until another TTL has passed.
        clock.advance(byMilliseconds: 500)
        service.tick()
        #expect(notifications(session).isEmpty)
        clock.advance(byMilliseconds: 500)
        service.tick()
        #expect(notifications(session).first?.tableEntry.count == 2)
    }

    @Test func timeSinceLastHitIsReportedOnlyWhenAsked() throws {
        let (service, clock) = try T.service()
        try service.write(T.write([T.insert(T.lpmEntry(10 << 24, 8, idleTimeoutNs: 0))]))
        clock.advance(byMilliseconds: 250)
        var request = TableEntry(tableId: T.lpm)
        request.timeSinceLastHit = TableEntry.IdleTimeout()
        let read = try T.read(service, [.tableEntry(request)])
        guard case .tableEntry(let entry)? = read.first?.kind else {
            Issue.record("no entry")
            return
        }
        #expect(entry.timeSinceLastHit == TableEntry.IdleTimeout(elapsedNs: 250_000_000))
        let plain = try T.read(service, [.tableEntry(TableEntry(tableId: T.lpm))])
        guard case .tableEntry(let without)? = plain.first?.kind else { return }
        #expect(without.timeSinceLastHit == nil)
    }

    @Test func nothingIsSentWithoutAPrimaryAndModifyReArmsTheTimer() throws {
        let (service, clock) = try T.service()
        let entry = T.lpmEntry(10 << 24, 8, idleTimeoutNs: 1_000)
        try service.write(T.write([T.insert(entry)]))
        clock.advance(byNanoseconds: 5_000)
        service.tick()  // nobody to tell: timers keep running
        let session = try primary(service)
        service.tick()
        #expect(notifications(session).count == 1)
        // Changing idle_timeout_ns re-arms the entry.
        var longer = entry
        longer.idleTimeoutNs = 10_000
        try service.write(T.write([T.update(.modify, .tableEntry(longer))], electionId: Uint128(low: 1)))
        clock.advance(byNanoseconds: 9_999)
        service.tick()
        #expect(notifications(session).isEmpty)
        clock.advance(byNanoseconds: 1)
        service.tick()
        #expect(notifications(session).count == 1)
    }

    @Test func timersFollowSlotReuseAndTimeoutChanges() throws {
        let (service, clock) = try T.service()
        let session = try primary(service)
        let untimed = T.lpmEntry(9 << 24, 8)  // slot 0: no timer
        let timed = T.lpmEntry(10 << 24, 8, idleTimeoutNs: 1_000)
        let other = T.lpmEntry(11 << 24, 8, idleTimeoutNs: 3_000)
        try service.write(T.write([T.insert(untimed), T.insert(timed)], electionId: Uint128(low: 1)))
        // Dropping the timeout stops the reports; the slot freed by a delete is reused by an entry with another
        // timeout, which is what counts from then on.
        var off = timed
        off.idleTimeoutNs = 0
        try service.write(T.write([T.update(.modify, .tableEntry(off))], electionId: Uint128(low: 1)))
        clock.advance(byNanoseconds: 2_000)
        service.tick()
        #expect(notifications(session).isEmpty)
        try service.write(T.write([T.update(.delete, .tableEntry(off)), T.insert(other)], electionId: Uint128(low: 1)))
        clock.advance(byNanoseconds: 2_999)
        service.tick()
        #expect(notifications(session).isEmpty)
        clock.advance(byNanoseconds: 1)
        service.tick()
        var expected = other
        expected.action = nil
        #expect(notifications(session).map(\.tableEntry) == [[expected]])
    }
}
