import Testing

/// Every test that starts the real binary is nested here and runs one at a time: dozens of
/// dashboards starting at once on a two-core machine (CI's size) made first frames slower than
/// any sensible timeout. Unit tests in other targets still run in parallel beside them.
@Suite(.serialized) enum EndToEnd {}
