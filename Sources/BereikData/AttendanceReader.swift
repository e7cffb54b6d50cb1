import Foundation

/// Where participants live: turns a row's buurt code or postcode into a buurt, or a reason to
/// exclude the row.
public struct BuurtResolver: Sendable {
    /// Buurten of the population table; nil accepts any well-formed BU code.
    public let known: Set<RegionCode>?
    /// The comparison area; empty means no restriction.
    public let area: [RegionCode]
    public let postcodes: PostcodeMap?

    public init(known: Set<RegionCode>?, area: [RegionCode] = [], postcodes: PostcodeMap? = nil) {
        self.known = known
        self.area = area
        self.postcodes = postcodes
    }

    func resolve(buurt rawBuurt: String?, postcode rawPostcode: String?) -> Result<RegionCode, ExclusionReason> {
        let buurtText = rawBuurt?.trimmingSpaces() ?? ""
        let code: RegionCode
        if !buurtText.isEmpty {
            guard let parsed = RegionCode(buurtDigits: buurtText) else { return .failure(.unknownBuurt) }
            code = parsed
        } else if let postcodeText = rawPostcode?.trimmingSpaces(), !postcodeText.isEmpty {
            guard let mapped = postcodes?.buurt(forPostcode: postcodeText) else { return .failure(.unknownPostcode) }
            code = mapped
        } else {
            return .failure(.noBuurt)
        }
        if let known, !known.contains(code) { return .failure(.unknownBuurt) }
        if !area.isEmpty, !area.contains(where: { $0.contains(code) }) { return .failure(.outsideArea) }
        return .success(code)
    }
}

/// Settings for reading attendance.
public struct AttendanceOptions: Sendable {
    public var overrides: [AttendanceRole: String] = [:]
    public var from: CivilDate?
    public var to: CivilDate?
    /// Exclusions become errors.
    public var strict = false
    public var harmoniser: CategoryHarmoniser
    public var buurten: BuurtResolver?
    /// Age is computed at the visit date; for rows without one, at this date.
    public var referenceDate: CivilDate
    /// Called every 2^20 rows with the bytes read so far (progress display).
    public var progress: (@Sendable (Int) -> Void)?

    public init(harmoniser: CategoryHarmoniser, referenceDate: CivilDate) {
        self.harmoniser = harmoniser
        self.referenceDate = referenceDate
    }
}

/// The result of reading an attendance file.
public struct AttendanceData: Sendable {
    public let participants: ParticipantTable
    public let reconciliation: Reconciliation
    public let columns: AttendanceColumns
    public let dialect: CSVDialect
    public let source: String
    /// Whether the file places persons in buurten (buurt or postcode column).
    public var hasBuurt: Bool { columns[.buurt] != nil || columns[.postcode] != nil }
}

/// Streams an attendance file (one row per visit) into one entry per person.
///
/// Per row: person id required; date parsed (day-first Dutch or ISO) and checked against the
/// period; buurt from the buurt code or, failing that, the postcode; gender, age band and origin
/// harmonised. Rows that cannot be used are counted by reason (`Reconciliation`), or raise an
/// error in strict mode. A person's rows that disagree are resolved by `Tally`'s rule and counted.
/// Memory grows with persons and distinct values, not with rows.
public enum AttendanceReader {
    public static func read(path: String, displayName: String? = nil, options: AttendanceOptions) throws -> AttendanceData {
        let reader = try CSVReader(path: path, displayName: displayName)
        let columns = try AttendanceColumns(header: reader.header, overrides: options.overrides, file: reader.displayName)
        var state = ReadState(options: options, columns: columns)
        var rowNumber: Int64 = 0
        while try reader.next() {
            try reader.requireHeaderWidth()
            rowNumber += 1
            if rowNumber & 0xFFFFF == 0 { options.progress?(Int(rowNumber)) }
            if let (reason, column) = state.consume(reader, row: rowNumber), options.strict {
                throw DataError(reader.location(column: column), "row excluded (\(reason.rawValue)) in strict mode")
            }
        }
        var reconciliation = state.reconciliation
        reconciliation.blankLines = reader.blankLines
        let table = state.finish(into: &reconciliation)
        return AttendanceData(participants: table, reconciliation: reconciliation, columns: columns,
                              dialect: reader.dialect, source: reader.displayName)
    }

    /// The per-file state of a read: interned values, per-person tallies, caches of harmonised values.
    struct ReadState {
        let options: AttendanceOptions
        let columns: AttendanceColumns
        var reconciliation = Reconciliation()
        var personIndex: [String: Int32] = [:]
        var visits: [Int32] = []
        var first: [Int32] = []
        var last: [Int32] = []
        var buurtTally: [Tally] = []
        var genderTally: [Tally] = []
        var ageTally: [Tally] = []
        var originTally: [Tally] = []
        var personActivities: Set<Int64> = []
        var outsideArea: Set<Int32> = []
        var buurtCodes: [RegionCode] = []
        var buurtIndex: [RegionCode: Int32] = [:]
        var activityNames: [String] = []
        var activityIndex: [String: Int32] = [:]
        var buurtCache: [String: Result<Int32, ExclusionReason>] = [:]
        var genderCache: [String: Harmonised] = [:]
        var originCache: [String: Harmonised] = [:]
        var bandCache: [String: Harmonised] = [:]
        var dateCache: [String: CivilDate?] = [:]

        init(options: AttendanceOptions, columns: AttendanceColumns) {
            self.options = options
            self.columns = columns
        }

        /// Uses or excludes one row; returns the reason and column when excluded.
        mutating func consume(_ reader: CSVReader, row: Int64) -> (ExclusionReason, Int?)? {
            reconciliation.rows += 1
            let id = reader.string(columns[.person]!).trimmingSpaces()
            guard !id.isEmpty else { return exclude(.noPersonID, column: columns[.person]) }

            var day: CivilDate?
            if let c = columns[.date] {
                let text = reader.string(c)
                if let cached = dateCache[text] { day = cached } else {
                    let trimmed = text.trimmingSpaces()
                    day = trimmed.isEmpty ? nil : CivilDate(parsing: trimmed)
                    if dateCache.count < 100_000 { dateCache[text] = day }
                    if day == nil, !trimmed.isEmpty { dateCache[text] = .some(nil) }
                }
                if day == nil {
                    if !text.trimmingSpaces().isEmpty { return exclude(.unparseableDate, column: c) }
                    if options.from != nil || options.to != nil { return exclude(.noDate, column: c) }
                }
            }
            if let day, (options.from.map { day < $0 } ?? false) || (options.to.map { day > $0 } ?? false) {
                return exclude(.outsidePeriod, column: columns[.date])
            }

            var buurt: Int32 = -1
            if columns[.buurt] != nil || columns[.postcode] != nil {
                let rawBuurt = columns[.buurt].map { reader.string($0) } ?? ""
                let rawPostcode = columns[.postcode].map { reader.string($0) } ?? ""
                let key = rawBuurt + "\u{1}" + rawPostcode
                let resolved: Result<Int32, ExclusionReason>
                if let cached = buurtCache[key] { resolved = cached } else {
                    let resolver = options.buurten ?? BuurtResolver(known: nil)
                    resolved = resolver.resolve(buurt: rawBuurt, postcode: rawPostcode).map { intern($0) }
                    buurtCache[key] = resolved
                }
                switch resolved {
                case .success(let index): buurt = index
                case .failure(let reason):
                    if reason == .outsideArea { outsideArea.insert(personIndex[id] ?? register(id)) }
                    return exclude(reason, column: reason == .unknownPostcode ? columns[.postcode] : columns[.buurt] ?? columns[.postcode])
                }
            }

            reconciliation.rowsUsed += 1
            let p = personIndex[id] ?? register(id)
            let person = Int(p)
            let dayNumber = day.map { Int32($0.dayNumber) } ?? Int32.min
            let stamp = Int64(dayNumber) << 32 | row
            visits[person] += 1
            if let day {
                let d = Int32(day.dayNumber)
                if first[person] == Int32.min || d < first[person] { first[person] = d }
                if d > last[person] { last[person] = d }
            }
            if buurt >= 0 { buurtTally[person].add(buurt, stamp: stamp) }
            if let c = columns[.gender] {
                let text = reader.string(c)
                let h = genderCache[text] ?? cache(&genderCache, text, options.harmoniser.gender(text))
                if let v = category(h, role: .gender, raw: text) { genderTally[person].add(v, stamp: stamp) }
            }
            if let band = ageBand(reader, day: day) {
                if let v = category(band.0, role: band.1, raw: band.2) { ageTally[person].add(v, stamp: stamp) }
            }
            if let c = columns[.origin] {
                let text = reader.string(c)
                let h = originCache[text] ?? cache(&originCache, text, options.harmoniser.origin(text))
                if let v = category(h, role: .origin, raw: text) { originTally[person].add(v, stamp: stamp) }
            }
            if let c = columns[.activity] {
                let name = reader.string(c).trimmingSpaces()
                if !name.isEmpty {
                    let a = activityIndex[name] ?? {
                        activityNames.append(name)
                        activityIndex[name] = Int32(activityNames.count - 1)
                        return Int32(activityNames.count - 1)
                    }()
                    personActivities.insert(Int64(p) << 24 | Int64(a))
                }
            }
            return nil
        }

        private func cache(_ dictionary: inout [String: Harmonised], _ key: String, _ value: Harmonised) -> Harmonised {
            if dictionary.count < 10_000 { dictionary[key] = value }
            return value
        }

        private mutating func exclude(_ reason: ExclusionReason, column: Int?) -> (ExclusionReason, Int?) {
            reconciliation.excluded[reason, default: 0] += 1
            return (reason, column)
        }

        private mutating func intern(_ code: RegionCode) -> Int32 {
            if let i = buurtIndex[code] { return i }
            buurtCodes.append(code)
            buurtIndex[code] = Int32(buurtCodes.count - 1)
            return Int32(buurtCodes.count - 1)
        }

        private mutating func register(_ id: String) -> Int32 {
            let p = Int32(visits.count)
            personIndex[id] = p
            visits.append(0)
            first.append(Int32.min)
            last.append(Int32.min)
            buurtTally.append(Tally())
            genderTally.append(Tally())
            ageTally.append(Tally())
            originTally.append(Tally())
            return p
        }

        /// The category index of a harmonised value; unrecognised values are remembered for the report.
        private mutating func category(_ h: Harmonised, role: AttendanceRole, raw: String) -> Int32? {
            switch h {
            case .category(let i): return Int32(i)
            case .unknown: return nil
            case .unrecognised:
                let value = raw.trimmingSpaces()
                if reconciliation.unrecognised[role]?[value] != nil || (reconciliation.unrecognised[role]?.count ?? 0) < 20 {
                    reconciliation.unrecognised[role, default: [:]][value, default: 0] += 1
                }
                return nil
            }
        }

        /// The age band of a row: from the age, else the birth year or date (age at the visit,
        /// a birth year alone taken as born on 1 July), else an age band label.
        private mutating func ageBand(_ reader: CSVReader, day: CivilDate?) -> (Harmonised, AttendanceRole, String)? {
            if let c = columns[.age] {
                let text = reader.string(c).trimmingSpaces()
                if !text.isEmpty {
                    let whole = text.split(whereSeparator: { $0 == "," || $0 == "." }).first.map(String.init) ?? text
                    if let age = Int(whole), let band = CategoryKeys.ageBand(age) { return (.category(band), .age, text) }
                    return (.unrecognised, .age, text)
                }
            }
            if let c = columns[.birthYear] {
                let text = reader.string(c).trimmingSpaces()
                if !text.isEmpty {
                    let at = day ?? options.referenceDate
                    let visit = at.components
                    var age: Int?
                    if let year = Int(text), (1880...2200).contains(year) {
                        age = visit.year - year - ((visit.month, visit.day) < (7, 1) ? 1 : 0)
                    } else if let born = CivilDate(parsing: text) {
                        let b = born.components
                        age = visit.year - b.year - ((visit.month, visit.day) < (b.month, b.day) ? 1 : 0)
                    }
                    if let age, let band = CategoryKeys.ageBand(age) { return (.category(band), .birthYear, text) }
                    return (.unrecognised, .birthYear, text)
                }
            }
            if let c = columns[.ageBand] {
                let text = reader.string(c)
                let h = bandCache[text] ?? cache(&bandCache, text, options.harmoniser.ageBandLabel(text))
                return (h, .ageBand, text)
            }
            return nil
        }

        /// Resolves every person's values and fills in the person counts of the reconciliation.
        mutating func finish(into reconciliation: inout Reconciliation) -> ParticipantTable {
            let used = visits.indices.filter { visits[$0] > 0 }
            reconciliation.persons = used.count
            reconciliation.personsOutsideArea = outsideArea.filter { visits[Int($0)] == 0 }.count
            func resolve(_ tallies: [Tally], role: AttendanceRole, dimension: Dimension?) -> [Int32] {
                var conflicts = 0, unknown = 0
                let values = used.map { i -> Int32 in
                    let r = tallies[i].resolved
                    if r.conflict { conflicts += 1 }
                    if r.value == nil { unknown += 1 }
                    return r.value ?? -1
                }
                if conflicts > 0 { reconciliation.conflicts[role] = conflicts }
                if let dimension, columnsPresent(for: dimension) { reconciliation.unknown[dimension] = unknown }
                return values
            }
            let buurt = resolve(buurtTally, role: .buurt, dimension: nil)
            let gender = resolve(genderTally, role: .gender, dimension: .gender).map { Int8($0) }
            let age = resolve(ageTally, role: .age, dimension: .age).map { Int8($0) }
            let origin = resolve(originTally, role: .origin, dimension: .origin).map { Int8($0) }
            var activities = [[Int32]](repeating: [], count: visits.count)
            for key in personActivities { activities[Int(key >> 24)].append(Int32(key & 0xFFFFFF)) }
            return ParticipantTable(buurtCodes: buurtCodes, buurt: buurt, gender: gender, ageBand: age, origin: origin,
                                    originScheme: options.harmoniser.originScheme,
                                    visits: used.map { visits[$0] }, firstVisit: used.map { first[$0] },
                                    lastVisit: used.map { last[$0] }, activityNames: activityNames,
                                    activities: used.map { activities[$0].sorted() })
        }

        private func columnsPresent(for dimension: Dimension) -> Bool {
            AttendanceRole.allCases.contains { $0.dimension == dimension && columns[$0] != nil }
        }
    }
}
