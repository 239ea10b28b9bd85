/// Everything `kieumau` (the dashboard) can be asked for on its command line, as a plain value.
struct DashboardSettings: Equatable {
    var data = DataChoice()
    /// `--config`: the settings file, else the default path.
    var config: String?
    var theme: String?
    var lang: String?
    /// `--reviews`: the review store's path or URI.
    var reviews: String?
    var reviewer: String?
    var exportDir: String?
    var noMouse = false
    /// Test and benchmark switches, hidden from `--help`.
    var exitAfterFirstFrame = false
    var terminalSelfTest = false
}
