import Foundation

/// One row of the ward list as the screen shows it.
struct WardRow: Equatable {
    var name: String
    /// The review mark column: "✓" reviewed OK, "!" needs follow-up, "✎" a note only, nil none.
    var mark: Character?
    var isCursor: Bool
}

/// Reading and driving the ward list: the reviewers' tests need the mark column, the program's pid
/// for SIGKILL, and a quick way into a province.
extension DashboardPane {
    /// The dashboard program's process id (the wrapper shell's child), for sending signals.
    func programPID() throws -> pid_t { try tmux.programPID() }

    /// From the province list: filters it with `query`, opens the province whose row holds `name`
    /// ("Tỉnh Nghệ An"), and waits for its ward list (breadcrumb "Nationwide › Nghệ An").
    @discardableResult
    func openProvince(_ query: String, row name: String, breadcrumb: String) async throws -> [String] {
        try press("/")
        try type(query)
        try await waitForCursor(on: name)
        try press("Enter", "Enter")
        return try await waitForLines("\(name)'s ward list") {
            ($0.last ?? "").contains(breadcrumb) && !Self.wardRows(in: $0).isEmpty
        }
    }

    /// Waits until the ward list shows exactly `marks` (name → mark) for the wards named, and returns
    /// the screen. Wards not named are not looked at.
    @discardableResult
    func waitForMarks(_ marks: [String: Character?], timeout: Duration = .seconds(30)) async throws -> [String] {
        try await waitForLines("the marks \(marks)", timeout: timeout) { lines in
            let rows = Self.wardRows(in: lines)
            return marks.allSatisfy { name, mark in rows.first { $0.name == name }.map { $0.mark == mark } ?? false }
        }
    }

    /// The rows of the ward list on screen: between its column headings ("    Ward …") and the
    /// status line (English headings); the list part only when the detail sits beside it.
    static func wardRows(in lines: [String]) -> [WardRow] {
        guard let heading = lines.firstIndex(where: { $0.hasPrefix("    Ward ") }) else {
            return []
        }
        var rows: [WardRow] = []
        for line in lines[(heading + 1)...].dropLast() {
            let list = line.components(separatedBy: "│").first ?? line
            let characters = Array(list)
            guard characters.count > 4, characters[0] == "▸" || characters[0] == " ", characters[1] == " ",
                  characters[3] == " ", characters[4] != " " else { continue }
            let mark: Character? = characters[2] == " " ? nil : characters[2]
            let text = String(characters[4...])
            let name = text.range(of: "  ").map { String(text[..<$0.lowerBound]) } ?? text.trimmingCharacters(in: .whitespaces)
            rows.append(WardRow(name: name, mark: mark, isCursor: characters[0] == "▸"))
        }
        return rows
    }

    /// The ward under the cursor, or nil.
    static func cursorWard(in lines: [String]) -> WardRow? { wardRows(in: lines).first { $0.isCursor } }

    /// The detail beside the list (at 120 columns or more): the text right of the list's border.
    static func sideDetail(in lines: [String]) -> [String] {
        lines.dropFirst().dropLast().compactMap { line in
            line.range(of: "│").map { String(line[$0.upperBound...]) }
        }
    }
}
