/// A region's residents per dimension, held inline: gender (2 categories), age (5), origin (3).
/// A dictionary of arrays per region cost four allocations for each of the bundled table's 18,000
/// regions, and their release a further 31 M instructions at the end of every run (issue 15).
/// A dimension is present only when every category has a value (CBS's `.` means unknown).
public struct DimensionCounts: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// Categories per stored dimension, in `CategoryKeys` order; SES is never a population count.
    static func width(_ dimension: Dimension) -> Int? {
        switch dimension { case .gender: 2; case .age: 5; case .origin: 3; case .ses: nil }
    }
    static let stored: [Dimension] = [.gender, .age, .origin]
    static let capacity = 10

    private var values: (Int, Int, Int, Int, Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    private var present: UInt8 = 0

    public init() {}

    /// Counts straight from storage: `present` bits 1 gender, 2 age, 4 origin; `slot(i)` the i-th
    /// of the ten values (gender, age, origin in order).
    init(present: UInt8, slot: (Int) -> Int) {
        self.present = present
        withUnsafeMutableBytes(of: &values) { raw in
            let slots = raw.bindMemory(to: Int.self)
            for i in 0..<Self.capacity { slots[i] = slot(i) }
        }
    }

    /// The stored form `init(present:slot:)` takes: the presence bits and the i-th of the ten values
    /// (an absent dimension's values are 0 unless they were set and removed).
    var presentBits: UInt8 { present }
    func slot(_ i: Int) -> Int { withUnsafeBytes(of: values) { $0.bindMemory(to: Int.self)[i] } }

    public init(dictionaryLiteral elements: (Dimension, [Int])...) {
        for (dimension, counts) in elements { self[dimension] = counts }
    }

    static func offset(_ dimension: Dimension) -> Int? {
        switch dimension { case .gender: 0; case .age: 2; case .origin: 7; case .ses: nil }
    }

    private static func bit(_ dimension: Dimension) -> UInt8 {
        switch dimension { case .gender: 1; case .age: 2; case .origin: 4; case .ses: 0 }
    }

    /// The counts of `dimension` in category order, nil when not given. Setting a list of the
    /// wrong length (or SES) is a programming error.
    public subscript(_ dimension: Dimension) -> [Int]? {
        get {
            guard present & Self.bit(dimension) != 0, let start = Self.offset(dimension), let width = Self.width(dimension) else { return nil }
            return withUnsafeBytes(of: values) { raw in Array(raw.bindMemory(to: Int.self)[start..<(start + width)]) }
        }
        set {
            guard let start = Self.offset(dimension), let width = Self.width(dimension) else {
                preconditionFailure("a population table holds no \(dimension) counts")
            }
            guard let newValue else { present &= ~Self.bit(dimension); return }
            precondition(newValue.count == width, "\(dimension) has \(width) categories, not \(newValue.count)")
            withUnsafeMutableBytes(of: &values) { raw in
                let slots = raw.bindMemory(to: Int.self)
                for (i, v) in newValue.enumerated() { slots[start + i] = v }
            }
            present |= Self.bit(dimension)
        }
    }

    /// The dimensions with counts, in the order gender, age, origin.
    public var keys: [Dimension] { Self.stored.filter { present & Self.bit($0) != 0 } }

    public var isEmpty: Bool { present == 0 }

    public static func == (a: DimensionCounts, b: DimensionCounts) -> Bool {
        a.present == b.present && stored.allSatisfy { a[$0] == b[$0] }
    }
}
