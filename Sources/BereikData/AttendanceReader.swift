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
        var state = ReadState(options: options, columns: columns, encoding: reader.dialect.encoding)
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

    /// The per-file state of a read. Every field is looked up as bytes in a `ByteInterner` per
    /// column, and its harmonised meaning is computed once per distinct value and cached by id.
    struct ReadState {
        let options: AttendanceOptions
        let columns: AttendanceColumns
        let encoding: TextEncoding
        var reconciliation = Reconciliation()
        // Persons: interner id = person index.
        let persons = ByteInterner(capacity: 1 << 16)
        /// One entry per person, all of a person's state together (one or two cache lines).
        struct PersonState {
            var visits: Int32 = 0
            var first = Int32.min
            var last = Int32.min
            var activityMask: UInt64 = 0
            var buurt = Tally(), gender = Tally(), age = Tally(), origin = Tally()
        }
        var people: [PersonState] = []
        var personActivities: Set<Int64> = []
        var outsideArea: Set<Int32> = []
        var buurtCodes: [RegionCode] = []
        var buurtIndex: [RegionCode: Int32] = [:]
        // Per column: distinct values and what each means.
        let dates = ByteInterner(), buurtValues = ByteInterner(), postcodeValues = ByteInterner()
        var dateValue: [Int32] = []
        var buurtResult: [Int32] = [], postcodeResult: [Int32] = []
        let genderColumn: CategoricalColumn?, originColumn: CategoricalColumn?, bandColumn: CategoricalColumn?
        // Column indices, resolved once (a dictionary lookup per field and row is measurable).
        let personIndex: Int
        let dateIndex: Int?, buurtIndex_: Int?, postcodeIndex: Int?, ageIndex: Int?, birthIndex: Int?, activityIndex: Int?
        let ages = ByteInterner(), births = ByteInterner()
        var ageValue: [Int32] = [], birthValue: [BirthValue] = []
        var ageUnrecognised: [Int] = [], birthUnrecognised: [Int] = []
        let activityValues = ByteInterner()
        var activityNames: [String] = []
        var activityOfValue: [Int32] = []

        static let blankDay = Int32.min + 1, invalidDay = Int32.min + 2

        enum BirthValue { case blank, invalid, year(Int), date(CivilDate) }

        /// A column of category labels (gender, origin, age band label).
        final class CategoricalColumn {
            let role: AttendanceRole
            let index: Int
            init(role: AttendanceRole, index: Int) { self.role = role; self.index = index }
            let values = ByteInterner()
            @exclusivity(unchecked) var code: [Int8] = []  // >= 0 category, -1 unknown, -2 unrecognised
            @exclusivity(unchecked) var unrecognisedRows: [Int] = []
        }

        init(options: AttendanceOptions, columns: AttendanceColumns, encoding: TextEncoding) {
            self.options = options
            self.columns = columns
            self.encoding = encoding
            genderColumn = columns[.gender].map { CategoricalColumn(role: .gender, index: $0) }
            originColumn = columns[.origin].map { CategoricalColumn(role: .origin, index: $0) }
            bandColumn = columns[.ageBand].map { CategoricalColumn(role: .ageBand, index: $0) }
            personIndex = columns[.person]!
            dateIndex = columns[.date]
            buurtIndex_ = columns[.buurt]
            postcodeIndex = columns[.postcode]
            ageIndex = columns[.age]
            birthIndex = columns[.birthYear]
            activityIndex = columns[.activity]
        }

        /// Uses or excludes one row; returns the reason and column when excluded.
        mutating func consume(_ reader: CSVReader, row: Int64) -> (ExclusionReason, Int?)? {
            reconciliation.rows += 1
            let personColumn = personIndex
            let (personID, personIsNew) = reader.withBytes(personColumn) { bytes -> (Int32, Bool) in
                let trimmed = bytes.trimmedASCII()
                return trimmed.isEmpty ? (-1, false) : persons.intern(trimmed)
            }
            guard personID >= 0 else { return exclude(.noPersonID, column: personColumn) }
            if personIsNew { register() }

            var dayNumber = Self.blankDay
            if let c = dateIndex {
                let (id, isNew) = reader.withBytes(c) { dates.intern($0) }
                if isNew {
                    let text = encoding.decode(dates.bytes(id)).trimmingSpaces()
                    dateValue.append(text.isEmpty ? Self.blankDay : CivilDate(parsing: text).map { Int32($0.dayNumber) } ?? Self.invalidDay)
                }
                dayNumber = dateValue[Int(id)]
                if dayNumber == Self.invalidDay { return exclude(.unparseableDate, column: c) }
                if dayNumber == Self.blankDay, options.from != nil || options.to != nil { return exclude(.noDate, column: c) }
            }
            let day = dayNumber == Self.blankDay ? nil : CivilDate(dayNumber: Int(dayNumber))
            if let day, (options.from.map { day < $0 } ?? false) || (options.to.map { day > $0 } ?? false) {
                return exclude(.outsidePeriod, column: dateIndex)
            }

            var buurt: Int32 = -1
            if buurtIndex_ != nil || postcodeIndex != nil {
                var resolved = Self.noBuurtCode
                var column = buurtIndex_ ?? postcodeIndex
                if let c = buurtIndex_ {
                    let (id, isNew) = reader.withBytes(c) { buurtValues.intern($0.trimmedASCII()) }
                    if isNew { buurtResult.append(resolve(buurt: encoding.decode(buurtValues.bytes(id)), postcode: nil)) }
                    resolved = buurtResult[Int(id)]
                }
                if resolved == Self.noBuurtCode, let c = postcodeIndex {
                    let (id, isNew) = reader.withBytes(c) { postcodeValues.intern($0.trimmedASCII()) }
                    if isNew { postcodeResult.append(resolve(buurt: nil, postcode: encoding.decode(postcodeValues.bytes(id)))) }
                    resolved = postcodeResult[Int(id)]
                    column = c
                }
                if resolved < 0 {
                    let reason = ExclusionReason.allCases[Int(-1 - resolved)]
                    if reason == .outsideArea { outsideArea.insert(personID) }
                    return exclude(reason, column: column)
                }
                buurt = resolved
            }

            reconciliation.rowsUsed += 1
            let person = Int(personID)
            let stamp = Int64(dayNumber) << 32 | row
            let genderValue = genderColumn.flatMap { category($0, reader) }
            let ageValue = ageBand(reader, day: day)
            let originValue = originColumn.flatMap { category($0, reader) }
            people.withUnsafeMutableBufferPointer { all in
                let p = all.baseAddress! + person
                p.pointee.visits += 1
                if day != nil {
                    if p.pointee.first == Int32.min || dayNumber < p.pointee.first { p.pointee.first = dayNumber }
                    if dayNumber > p.pointee.last { p.pointee.last = dayNumber }
                }
                if buurt >= 0 { p.pointee.buurt.add(buurt, stamp: stamp) }
                if let v = genderValue { p.pointee.gender.add(v, stamp: stamp) }
                if let v = ageValue { p.pointee.age.add(v, stamp: stamp) }
                if let v = originValue { p.pointee.origin.add(v, stamp: stamp) }
            }
            if let c = activityIndex {
                let (id, isNew) = reader.withBytes(c) { activityValues.intern($0.trimmedASCII()) }
                if isNew {
                    let name = encoding.decode(activityValues.bytes(id)).trimmingSpaces()
                    if name.isEmpty {
                        activityOfValue.append(-1)
                    } else if let existing = activityNames.firstIndex(of: name) {
                        activityOfValue.append(Int32(existing))
                    } else {
                        activityNames.append(name)
                        activityOfValue.append(Int32(activityNames.count - 1))
                    }
                }
                let a = activityOfValue[Int(id)]
                if a >= 0 {
                    // Activities 0…63 as a bit per person; more (rare) in a set.
                    if a < 64 { people[person].activityMask |= 1 << UInt64(a) } else { personActivities.insert(Int64(personID) << 24 | Int64(a)) }
                }
            }
            return nil
        }

        static func code(_ reason: ExclusionReason) -> Int32 { -1 - Int32(ExclusionReason.allCases.firstIndex(of: reason)!) }
        static let noBuurtCode = code(.noBuurt)

        private mutating func resolve(buurt: String?, postcode: String?) -> Int32 {
            let resolver = options.buurten ?? BuurtResolver(known: nil)
            switch resolver.resolve(buurt: buurt, postcode: postcode) {
            case .success(let code): return intern(code)
            case .failure(let reason): return Self.code(reason)
            }
        }

        /// The category of a label column, harmonised once per distinct value.
        private func category(_ column: CategoricalColumn, _ reader: CSVReader) -> Int32? {
            let (id, isNew) = reader.withBytes(column.index) { column.values.intern($0) }
            if isNew {
                let text = encoding.decode(column.values.bytes(id))
                let h: Harmonised = switch column.role {
                case .gender: options.harmoniser.gender(text)
                case .origin: options.harmoniser.origin(text)
                default: options.harmoniser.ageBandLabel(text)
                }
                switch h {
                case .category(let i): column.code.append(Int8(i))
                case .unknown: column.code.append(-1)
                case .unrecognised: column.code.append(-2)
                }
                column.unrecognisedRows.append(0)
            }
            let code = column.code[Int(id)]
            if code >= 0 { return Int32(code) }
            if code == -2 { column.unrecognisedRows[Int(id)] += 1 }
            return nil
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

        private mutating func register() {
            people.append(PersonState())
        }

        /// The age band of a row: from the age, else the birth year or date (age at the visit,
        /// a birth year alone taken as born on 1 July), else an age band label.
        private mutating func ageBand(_ reader: CSVReader, day: CivilDate?) -> Int32? {
            if let c = ageIndex {
                let (id, isNew) = reader.withBytes(c) { ages.intern($0.trimmedASCII()) }
                if isNew {
                    let text = encoding.decode(ages.bytes(id)).trimmingSpaces()
                    let whole = text.split(whereSeparator: { $0 == "," || $0 == "." }).first.map(String.init) ?? text
                    ageValue.append(text.isEmpty ? -1 : Int(whole).flatMap { CategoryKeys.ageBand($0) }.map(Int32.init) ?? -2)
                    ageUnrecognised.append(0)
                }
                let band = ageValue[Int(id)]
                if band >= 0 { return band }
                if band == -2 { ageUnrecognised[Int(id)] += 1; return nil }
            }
            if let c = birthIndex {
                let (id, isNew) = reader.withBytes(c) { births.intern($0.trimmedASCII()) }
                if isNew {
                    let text = encoding.decode(births.bytes(id)).trimmingSpaces()
                    if text.isEmpty { birthValue.append(.blank) }
                    else if let year = Int(text), (1880...2200).contains(year) { birthValue.append(.year(year)) }
                    else if let date = CivilDate(parsing: text) { birthValue.append(.date(date)) }
                    else { birthValue.append(.invalid) }
                    birthUnrecognised.append(0)
                }
                let at = (day ?? options.referenceDate).components
                var age: Int?
                switch birthValue[Int(id)] {
                case .blank: break
                case .invalid: birthUnrecognised[Int(id)] += 1; return nil
                case .year(let year): age = at.year - year - ((at.month, at.day) < (7, 1) ? 1 : 0)
                case .date(let born):
                    let b = born.components
                    age = at.year - b.year - ((at.month, at.day) < (b.month, b.day) ? 1 : 0)
                }
                if let age {
                    if let band = CategoryKeys.ageBand(age) { return Int32(band) }
                    birthUnrecognised[Int(id)] += 1
                    return nil
                }
            }
            return bandColumn.flatMap { category($0, reader) }
        }

        /// Up to 20 unrecognised values of a column with their row counts.
        private func unrecognisedExamples(_ interner: ByteInterner, _ counts: [Int]) -> [String: Int]? {
            let ids = counts.indices.filter { counts[$0] > 0 }.sorted { counts[$0] > counts[$1] }.prefix(20)
            guard !ids.isEmpty else { return nil }
            var out: [String: Int] = [:]
            for i in ids { out[encoding.decode(interner.bytes(Int32(i))).trimmingSpaces(), default: 0] += counts[i] }
            return out
        }

        /// Resolves every person's values and fills in the person counts of the reconciliation.
        mutating func finish(into reconciliation: inout Reconciliation) -> ParticipantTable {
            let used = people.indices.filter { people[$0].visits > 0 }
            reconciliation.persons = used.count
            reconciliation.personsOutsideArea = outsideArea.filter { people[Int($0)].visits == 0 }.count
            for column in [genderColumn, originColumn, bandColumn].compactMap({ $0 }) {
                reconciliation.unrecognised[column.role] = unrecognisedExamples(column.values, column.unrecognisedRows)
            }
            reconciliation.unrecognised[.age] = unrecognisedExamples(ages, ageUnrecognised)
            reconciliation.unrecognised[.birthYear] = unrecognisedExamples(births, birthUnrecognised)
            func resolve(_ tally: KeyPath<PersonState, Tally>, role: AttendanceRole, dimension: Dimension?) -> [Int32] {
                var conflicts = 0, unknown = 0
                let values = used.map { i -> Int32 in
                    let r = people[i][keyPath: tally].resolved
                    if r.conflict { conflicts += 1 }
                    if r.value == nil { unknown += 1 }
                    return r.value ?? -1
                }
                if conflicts > 0 { reconciliation.conflicts[role] = conflicts }
                if let dimension, columnsPresent(for: dimension) { reconciliation.unknown[dimension] = unknown }
                return values
            }
            let buurt = resolve(\.buurt, role: .buurt, dimension: nil)
            let gender = resolve(\.gender, role: .gender, dimension: .gender).map { Int8($0) }
            let age = resolve(\.age, role: .age, dimension: .age).map { Int8($0) }
            let origin = resolve(\.origin, role: .origin, dimension: .origin).map { Int8($0) }
            var activities = [[Int32]](repeating: [], count: people.count)
            for (person, state) in people.enumerated() where state.activityMask != 0 {
                let mask = state.activityMask
                for a in 0..<64 where mask & (1 << UInt64(a)) != 0 { activities[person].append(Int32(a)) }
            }
            for key in personActivities { activities[Int(key >> 24)].append(Int32(key & 0xFFFFFF)) }
            return ParticipantTable(buurtCodes: buurtCodes, buurt: buurt, gender: gender, ageBand: age, origin: origin,
                                    originScheme: options.harmoniser.originScheme,
                                    visits: used.map { people[$0].visits }, firstVisit: used.map { people[$0].first },
                                    lastVisit: used.map { people[$0].last }, activityNames: activityNames,
                                    activities: used.map { activities[$0].sorted() })
        }

        private func columnsPresent(for dimension: Dimension) -> Bool {
            AttendanceRole.allCases.contains { $0.dimension == dimension && columns[$0] != nil }
        }
    }
}
