import KieuMauCore

/// The targets of issue 14 ("First frame in constant time"), in release on this 2-core machine.
enum Targets {
    static func launchMilliseconds(_ scale: DataScale) -> Double {
        switch scale { case .national: 12; case .communes: 15; case .stress: 25 }
    }
    /// Instructions from process start to the first frame (callgrind), warm start.
    static func launchInstructions(_ scale: DataScale) -> UInt64 {
        switch scale { case .national, .communes: 30_000_000; case .stress: 40_000_000 }
    }
    /// Cursor move and page, p99.
    static let navigationMilliseconds = 2.0
    /// Drill in/out, filter keystroke, sort, p99.
    static func heavyKeyMilliseconds(_ scale: DataScale) -> Double {
        switch scale { case .national: 5; case .communes: 10; case .stress: 50 }
    }
    /// A snapshot step with the file read on the key, p99, at every scale.
    static let snapshotStepMilliseconds = 10.0
    static func peakRSSMiB(_ scale: DataScale) -> Double {
        switch scale { case .national: 20; case .communes: 25; case .stress: 60 }
    }
}
