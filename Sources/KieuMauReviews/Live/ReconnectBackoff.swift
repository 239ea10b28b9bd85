/// When to try a lost review store again: the delay doubles after each failed attempt, from
/// `initial` up to `maximum`, and starts over after a success. A pure value, so the dashboard's
/// loop drives it (as its `poll` timeout) and tests check it without a clock.
public struct ReconnectBackoff: Sendable, Equatable {
    public let initial: Duration
    public let maximum: Duration
    /// Failed attempts since the last success.
    public private(set) var failures = 0

    public init(initial: Duration = .milliseconds(500), maximum: Duration = .seconds(30)) {
        self.initial = initial
        self.maximum = max(initial, maximum)
    }

    /// The delay before the next attempt, counting one more failure: initial, 2×, 4×… capped.
    public mutating func nextDelay() -> Duration {
        defer { failures += 1 }
        return delay(afterFailures: failures)
    }

    /// The connection works again: the next loss starts from `initial`.
    public mutating func succeeded() { failures = 0 }

    func delay(afterFailures count: Int) -> Duration {
        var delay = initial
        for _ in 0..<min(count, 62) {
            delay *= 2
            if delay >= maximum { return maximum }
        }
        return delay
    }
}
