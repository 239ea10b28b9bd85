import Glibc

/// How the cost of some work grows with its size, for tests that guard against quadratic loops
/// without timing anything against a clock on the wall: the CPU time of this thread is used, so
/// other processes on a shared machine do not count, and only a ratio is checked, so the
/// machine's speed does not either.
public enum WorkGrowth {
    /// Seconds of CPU time this thread spends in `body`.
    public static func threadCPUSeconds(_ body: () throws -> Void) rethrows -> Double {
        var start = timespec(), end = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
        try body()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
        return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
    }

    /// CPU time of `work(large)` over that of `work(small)`, each the best of `tries`: about
    /// large/small for linear work, its square for quadratic work.
    public static func ratio(small: Int, large: Int, tries: Int = 2, _ work: (Int) throws -> Void) rethrows -> Double {
        func best(_ n: Int) throws -> Double {
            var times: [Double] = []
            for _ in 0..<tries { times.append(try threadCPUSeconds { try work(n) }) }
            return max(times.min() ?? 0, 1e-6)
        }
        return try best(large) / best(small)
    }
}
