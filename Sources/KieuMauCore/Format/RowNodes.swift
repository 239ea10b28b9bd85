/// The element nodes of a short array row (2 to 4 elements), found without allocating: rows of
/// 100,000-ward files are read this way.
struct RowNodes {
    private(set) var count = 0
    private var storage: (Int, Int, Int, Int) = (0, 0, 0, 0)

    subscript(index: Int) -> Int {
        switch index {
        case 0: return storage.0
        case 1: return storage.1
        case 2: return storage.2
        default: return storage.3
        }
    }

    /// The element at `index`, or nil when the row is shorter.
    func optional(_ index: Int) -> Int? { index < count ? self[index] : nil }

    fileprivate mutating func append(_ node: Int) {
        switch count {
        case 0: storage.0 = node
        case 1: storage.1 = node
        case 2: storage.2 = node
        default: storage.3 = node
        }
        count += 1
    }
}

extension Decoding {
    /// A row written as an array of `counts` elements (at most 4); reports `shape` as expected otherwise.
    mutating func row(_ node: Int, _ path: @autoclosure () -> String, counts: ClosedRange<Int>, shape: @autoclosure () -> String) -> RowNodes? {
        let n = document.nodes[node]
        guard n.kind == .array, counts.contains(Int(n.count)), n.count <= 4 else {
            report(node, path(), "expected \(shape()), found \(document.describe(node))"); return nil
        }
        var row = RowNodes()
        var element = node + 1
        for _ in 0..<Int(n.count) { row.append(element); element = document.next(after: element) }
        return row
    }
}
