/// Persons who took part, one entry each, without their identifiers: the pseudonyms stay inside
/// the reader. Values are category indices (see `CategoryKeys`), -1 for unknown.
public struct ParticipantTable: Sendable {
    /// Buurt codes referred to by `buurt`.
    public let buurtCodes: [RegionCode]
    /// Index into `buurtCodes`, -1 when unknown (no buurt column).
    public let buurt: [Int32]
    public let gender: [Int8]
    public let ageBand: [Int8]
    public let origin: [Int8]
    public let originScheme: OriginScheme
    public let visits: [Int32]
    /// First and last visit (day numbers), `Int32.min` when the file has no dates.
    public let firstVisit: [Int32]
    public let lastVisit: [Int32]
    /// Activity names referred to by `activities`.
    public let activityNames: [String]
    /// The activities attended (indices into `activityNames`), sorted, for person p in
    /// `activityList[activityOffsets[p] ..< activityOffsets[p + 1]]` (one flat array, not an array per person).
    public let activityOffsets: [Int32]
    public let activityList: [Int32]
    /// With `AttendanceOptions.collectMonths`: the months (year·12 + month − 1) each person visited,
    /// sorted, for person p in `monthList[monthOffsets[p] ..< monthOffsets[p + 1]]`; empty otherwise.
    public let monthOffsets: [Int32]
    public let monthList: [Int32]

    /// The months person `p` visited (empty when months were not collected).
    public func months(of p: Int) -> ArraySlice<Int32> {
        monthOffsets.isEmpty ? [] : monthList[Int(monthOffsets[p])..<Int(monthOffsets[p + 1])]
    }

    /// Initiatives (an `initiative` column), like activities: names, and per person the set.
    public let initiativeNames: [String]
    public let initiativeOffsets: [Int32]
    public let initiativeList: [Int32]

    /// The initiatives person `p` took part in (empty without an initiative column).
    public func initiatives(of p: Int) -> ArraySlice<Int32> {
        initiativeOffsets.isEmpty ? [] : initiativeList[Int(initiativeOffsets[p])..<Int(initiativeOffsets[p + 1])]
    }

    /// The role texts a person's rows carry (a `role` column), as written; the ladder is applied by the pipeline.
    public let roleNames: [String]
    public let roleOffsets: [Int32]
    public let roleList: [Int32]

    /// The role texts of person `p` (empty without a role column, or when their rows leave it blank).
    public func roles(of p: Int) -> ArraySlice<Int32> {
        roleOffsets.isEmpty ? [] : roleList[Int(roleOffsets[p])..<Int(roleOffsets[p + 1])]
    }

    /// The activities person `p` attended.
    public func activities(of p: Int) -> ArraySlice<Int32> {
        activityList[Int(activityOffsets[p])..<Int(activityOffsets[p + 1])]
    }

    public var count: Int { buurt.count }

    /// The values of a person-level dimension (`ses` is derived from the buurt elsewhere).
    public func values(_ dimension: Dimension) -> [Int8]? {
        switch dimension {
        case .gender: return gender
        case .age: return ageBand
        case .origin: return origin
        case .ses: return nil
        }
    }

    public init(buurtCodes: [RegionCode], buurt: [Int32], gender: [Int8], ageBand: [Int8], origin: [Int8],
                originScheme: OriginScheme, visits: [Int32], firstVisit: [Int32], lastVisit: [Int32],
                activityNames: [String], activityOffsets: [Int32], activityList: [Int32],
                monthOffsets: [Int32] = [], monthList: [Int32] = [],
                initiativeNames: [String] = [], initiativeOffsets: [Int32] = [], initiativeList: [Int32] = [],
                roleNames: [String] = [], roleOffsets: [Int32] = [], roleList: [Int32] = []) {
        self.roleNames = roleNames
        self.roleOffsets = roleOffsets
        self.roleList = roleList
        self.initiativeNames = initiativeNames
        self.initiativeOffsets = initiativeOffsets
        self.initiativeList = initiativeList
        self.monthOffsets = monthOffsets
        self.monthList = monthList
        self.buurtCodes = buurtCodes
        self.buurt = buurt
        self.gender = gender
        self.ageBand = ageBand
        self.origin = origin
        self.originScheme = originScheme
        self.visits = visits
        self.firstVisit = firstVisit
        self.lastVisit = lastVisit
        self.activityNames = activityNames
        self.activityOffsets = activityOffsets
        self.activityList = activityList
    }
}
