import Testing
import KieuMauReviews

/// The pure part of reconnecting: the delays the dashboard's loop waits between attempts.
struct ReconnectBackoffTests {
    @Test func reconnectBackoffDoublesToItsCapAndStartsOverAfterASuccess() {
        var backoff = ReconnectBackoff(initial: .milliseconds(500), maximum: .seconds(5))
        let delays = (0..<7).map { _ in backoff.nextDelay() }
        #expect(delays == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(5), .seconds(5), .seconds(5)])
        #expect(backoff.failures == 7)
        backoff.succeeded()
        #expect(backoff.nextDelay() == .milliseconds(500))
        var huge = ReconnectBackoff()
        for _ in 0..<100 { _ = huge.nextDelay() }
        #expect(huge.nextDelay() == .seconds(30))
    }
}
