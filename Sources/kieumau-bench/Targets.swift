import KieuMauCore

/// The targets of the issue ("Prove it"), in release on the 2-core machine the anchors were measured on.
enum Targets {
    static func launchMilliseconds(_ scale: DataScale) -> Double {
        switch scale { case .national: 20; case .communes: 30; case .stress: 150 }
    }
    /// Cursor move and page, p99.
    static let navigationMilliseconds = 2.0
    /// Drill in/out, filter keystroke, sort, snapshot step, p99.
    static func heavyKeyMilliseconds(_ scale: DataScale) -> Double {
        switch scale { case .national: 5; case .communes: 10; case .stress: 50 }
    }
    static func peakRSSMiB(_ scale: DataScale) -> Double {
        switch scale { case .national: 25; case .communes: 30; case .stress: 80 }
    }
}
