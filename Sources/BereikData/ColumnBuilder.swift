/// A column of plain values filled once, element by element, then handed over as an array.
/// `Array.append` checks uniqueness on every call (a runtime call it cannot hoist out of a loop
/// that appends to ten arrays): in `RowClassifier.finish` over 2.5 million persons that was a
/// quarter of the single-threaded tail of a run (issue 15).
/// Not copyable: two copies would share (and free) one storage.
struct ColumnBuilder<Element: BitwiseCopyable>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    @inline(__always) mutating func append(_ element: Element) {
        if count == capacity { growBuffer(&base, count: count, capacity: &capacity, toHold: count + 1) }
        (base + count).initialize(to: element)
        count += 1
    }

    deinit { base.deallocate() }

    /// The elements as an array (the builder is used up).
    consuming func array() -> [Element] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }
}
