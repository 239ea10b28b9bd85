/// Where a published figure comes from: an article, a decision, a dataset.
public struct Source: Hashable, Sendable {
    public var id: String
    public var publisher: String
    public var title: String
    /// Publication date as printed: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public var date: String
    /// Empty when the address is not known.
    public var url: String

    public init(id: String, publisher: String, title: String, date: String, url: String = "") {
        self.id = id; self.publisher = publisher; self.title = title; self.date = date; self.url = url
    }
}
