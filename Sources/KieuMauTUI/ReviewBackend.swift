import KieuMauCore
import KieuMauReviews

/// Where the dashboard keeps reviewers' marks and notes. The executable backs it with the SQLite
/// review store; tests with memory. Calls return only once the write is durable, so what the
/// screen shows as saved is saved.
public protocol ReviewBackend: AnyObject {
    /// Why marks cannot be written (the store opened read-only), or nil.
    var readOnlyReason: String? { get }
    func reviews(snapshot: Day) throws -> [String: Review]
    /// The latest review of the ward for an earlier snapshot ("previous review").
    func previousReview(ward: String, before: Day) throws -> Review?
    func setMark(_ mark: ReviewMark?, snapshot: Day, ward: String) throws -> Review
    func setNote(_ note: String, snapshot: Day, ward: String) throws -> Review
    /// True when another process changed the store since the last call.
    func hasChanged() -> Bool
}

/// A one-line text editor for notes: Vietnamese input arrives as whole characters; the cursor
/// moves and deletes by grapheme cluster, so a letter with its marks goes in one Backspace.
public struct LineEditor: Hashable, Sendable {
    public var text: String
    /// Cursor position in characters (0...text.count).
    public var cursor: Int
    /// The ward whose note this is (code), so the note lands where it was started.
    public var wardCode: String

    public init(text: String, wardCode: String) {
        self.text = text; self.wardCode = wardCode; cursor = text.count
    }

    public static let maximumLength = 2000

    public mutating func insert(_ c: Character) {
        guard text.count < LineEditor.maximumLength else { return }
        let i = text.index(text.startIndex, offsetBy: cursor)
        text.insert(c, at: i); cursor += 1
    }
    public mutating func backspace() {
        guard cursor > 0 else { return }
        let i = text.index(text.startIndex, offsetBy: cursor - 1)
        text.remove(at: i); cursor -= 1
    }
    public mutating func deleteForward() {
        guard cursor < text.count else { return }
        text.remove(at: text.index(text.startIndex, offsetBy: cursor))
    }
    public mutating func move(by d: Int) { cursor = max(0, min(text.count, cursor + d)) }
    public mutating func home() { cursor = 0 }
    public mutating func end() { cursor = text.count }
}
