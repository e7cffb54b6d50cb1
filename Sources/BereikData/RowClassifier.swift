/// The row side of reading attendance: everything a row says except who it is. Each field is
/// looked up as bytes in a `ByteInterner` per column, and its meaning (a date, a buurt or a reason
/// to exclude, a category) is computed once per distinct value and cached by id. Counts exclusions
/// and unrecognised values for the reconciliation.
final class RowClassifier {
    let options: AttendanceOptions
    /// The current file's columns while reading; at `finish`, those of all files together.
    var columns: AttendanceColumns
    private(set) var encoding: TextEncoding
    @exclusivity(unchecked) var reconciliation = Reconciliation()
    @exclusivity(unchecked) private(set) var buurtCodes: [RegionCode] = []
    private var buurtIndex: [RegionCode: Int32] = [:]
    /// Activities and initiatives: each distinct cell text once, named in order of appearance.
    let activities = NamedValues(), initiatives = NamedValues(), roles = NamedValues()
    var activityNames: [String] { activities.names }

    // Column indices, resolved once per file (a dictionary lookup per field and row is measurable).
    private var personIndex = 0
    private var dateIndex: Int?, buurtColumn: Int?, postcodeIndex: Int?, ageIndex: Int?, birthIndex: Int?, activityIndex: Int?, initiativeIndex: Int?, roleIndex: Int?
    // The value caches are constants, emptied per file: a `var` of class type costs a retain and a
    // release around every use, six times a row.
    private let genderColumn = CategoricalColumn(role: .gender), originColumn = CategoricalColumn(role: .origin)
    private let bandColumn = CategoricalColumn(role: .ageBand)
    /// The initiative of every row of the current file, when the file was given with a name.
    private var fileInitiative: Int32?
    /// Unrecognised values of the files read before the current one (see `nextFile`).
    private var earlierUnrecognised: [AttendanceRole: [String: Int]] = [:]

    // Per column: distinct values and what each means (per file: bytes mean text in its encoding).
    private let dates = ByteInterner(capacity: 64), buurtValues = ByteInterner(capacity: 64)
    private let postcodeValues = ByteInterner(capacity: 64)
    private let ages = ByteInterner(capacity: 64), births = ByteInterner(capacity: 64)
    @exclusivity(unchecked) private var dateValue: [Int32] = []
    /// Rows per distinct unreadable date that were kept (no period asked, so the date is not needed).
    @exclusivity(unchecked) private var dateUnrecognised: [Int] = []
    @exclusivity(unchecked) private var buurtResult: [Int32] = []
    @exclusivity(unchecked) private var postcodeResult: [Int32] = []
    @exclusivity(unchecked) private var ageValue: [Int32] = []
    @exclusivity(unchecked) private var birthValue: [BirthValue] = []
    /// The whole years of each distinct age value (-1 when not a number).
    @exclusivity(unchecked) private var ageYears: [Int] = []
    @exclusivity(unchecked) private var ageUnrecognised: [Int] = []
    @exclusivity(unchecked) private var birthUnrecognised: [Int] = []

    static let blankDay = Int32.min + 1, invalidDay = Int32.min + 2

    /// A birth year comes with the birth days it allows (1 January to 31 December), computed once per value.
    enum BirthValue { case blank, invalid, year(Int, born: (from: Int32, to: Int32)), date(CivilDate) }

    /// A column of category labels (gender, origin, age band label).
    final class CategoricalColumn {
        let role: AttendanceRole
        /// The column in the current file; nil when the file has none.
        @exclusivity(unchecked) private(set) var index: Int?
        let values = ByteInterner(capacity: 64)
        @exclusivity(unchecked) var code: [Int8] = []  // >= 0 category, -1 unknown, -2 unrecognised
        @exclusivity(unchecked) var unrecognisedRows: [Int] = []
        init(role: AttendanceRole) {
            self.role = role
        }
        /// A new file, with the column at `index`.
        func start(index: Int?) {
            self.index = index
            values.removeAll()
            code = []
            unrecognisedRows = []
        }
    }

    init(options: AttendanceOptions, columns: AttendanceColumns, encoding: TextEncoding) {
        self.options = options
        self.columns = columns
        self.encoding = encoding
        use(columns)
    }

    private func use(_ columns: AttendanceColumns) {
        genderColumn.start(index: columns[.gender])
        originColumn.start(index: columns[.origin])
        bandColumn.start(index: columns[.ageBand])
        personIndex = columns[.person]!
        dateIndex = columns[.date]
        buurtColumn = columns[.buurt]
        postcodeIndex = columns[.postcode]
        ageIndex = columns[.age]
        birthIndex = columns[.birthYear]
        activityIndex = columns[.activity]
        initiativeIndex = columns[.initiative]
        roleIndex = columns[.role]
    }

    /// Continues with the next file of several (`--attendance "Naam=file"` repeated): the value
    /// caches start afresh (the same bytes may mean other text in another encoding, and the columns
    /// sit elsewhere), while what the rows mean — buurten, activities, initiatives, roles — keeps
    /// its numbering, so persons found in several files are one person. `initiative` names the
    /// initiative of every row of the file.
    func nextFile(columns: AttendanceColumns, encoding: TextEncoding, initiative: String?) {
        for (role, examples) in currentUnrecognised() { earlierUnrecognised[role, default: [:]].merge(examples, uniquingKeysWith: +) }
        self.columns = columns
        self.encoding = encoding
        for interner in [dates, buurtValues, postcodeValues, ages, births] { interner.removeAll() }
        dateValue = []; dateUnrecognised = []; buurtResult = []; postcodeResult = []; ageValue = []; birthValue = []
        ageYears = []; ageUnrecognised = []; birthUnrecognised = []
        activities.startFile(); initiatives.startFile(); roles.startFile()
        use(columns)
        fileInitiative = initiative.map { initiatives.index(ofName: $0) }
    }

    /// The unrecognised values of the current file's columns.
    private func currentUnrecognised() -> [AttendanceRole: [String: Int]] {
        var out: [AttendanceRole: [String: Int]] = [:]
        for column in [genderColumn, originColumn, bandColumn] where column.index != nil {
            out[column.role] = unrecognisedExamples(column.values, column.unrecognisedRows)
        }
        out[.age] = unrecognisedExamples(ages, ageUnrecognised)
        if dateIndex != nil { out[.date] = unrecognisedExamples(dates, dateUnrecognised) }
        out[.birthYear] = unrecognisedExamples(births, birthUnrecognised)
        return out
    }

    /// The birth days the current row allows (see `PersonAccumulator.PersonState.bornFrom`).
    @exclusivity(unchecked) private var born: (from: Int32, to: Int32) = (Int32.min, Int32.max)

    /// Birth days allowed by an age in whole years at `day`: after the day `age + 1` years before,
    /// up to the day `age` years before.
    static func bornRange(age: Int, at day: CivilDate) -> (from: Int32, to: Int32)? {
        let c = day.components
        func back(_ years: Int) -> CivilDate? {
            CivilDate(year: c.year - years, month: c.month, day: c.day) ?? CivilDate(year: c.year - years, month: c.month, day: c.day - 1)
        }
        guard let latest = back(age), let earliest = back(age + 1) else { return nil }
        return (Int32(earliest.dayNumber + 1), Int32(latest.dayNumber))
    }

    /// "Totaal", "Total", "Eindtotaal", "Som" (any case, optional colon): a sum row, not a person.
    @inline(__always) static func isTotal(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 3, bytes.count <= 13 else { return false }
        // Almost every id fails here, before a String is made: every word starts with t, e, g or s.
        let first = bytes[0] | 0x20
        guard first == 0x74 || first == 0x65 || first == 0x67 || first == 0x73 else { return false }
        return isTotalWord(bytes)
    }

    @inline(never) private static func isTotalWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var text = String(decoding: bytes, as: UTF8.self).lowercased()
        if text.hasSuffix(":") { text.removeLast() }
        return ["totaal", "total", "totalen", "totals", "eindtotaal", "grand total", "som", "sum", "totaal aantal"].contains(text)
    }

    static func code(_ reason: ExclusionReason) -> Int32 { -1 - Int32(ExclusionReason.allCases.firstIndex(of: reason)!) }
    static let noBuurtCode = code(.noBuurt)

    /// Classifies one row into `batch`; returns the reason and column when it is excluded.
    func classify(_ reader: CSVReader, row: Int64, into batch: RowBatch) -> (ExclusionReason, Int?)? {
        reconciliation.rows += 1
        return reader.withBytes(personIndex) { raw -> (ExclusionReason, Int?)? in
            let id = raw.trimmedASCII()
            if Self.isTotal(id) || (personIndex != 0 && reader.withBytes(0) { Self.isTotal($0.trimmedASCII()) }) {
                batch.append(id: id, status: .noPerson, row: row)
                return exclude(.totalRow, column: personIndex)
            }
            guard !id.isEmpty else {
                batch.append(id: id, status: .noPerson, row: row)
                let empty = (0..<reader.fieldCount).allSatisfy { reader.withBytes($0) { $0.trimmedASCII().isEmpty } }
                return exclude(empty ? .emptyRow : .noPersonID, column: personIndex)
            }
            func excluded(_ reason: ExclusionReason, _ column: Int?) -> (ExclusionReason, Int?) {
                batch.append(id: id, status: .excluded, row: row)
                return exclude(reason, column: column)
            }

            var dayNumber = Int32.min
            if let c = dateIndex {
                let (v, isNew) = reader.withBytes(c) { dates.intern($0) }
                if isNew {
                    let text = encoding.decode(dates.bytes(v)).trimmingSpaces()
                    dateValue.append(text.isEmpty ? Self.blankDay : CivilDate(parsing: text).map { Int32($0.dayNumber) } ?? Self.invalidDay)
                    dateUnrecognised.append(0)
                }
                dayNumber = dateValue[Int(v)]
                if dayNumber == Self.invalidDay {
                    // Only a period needs the date: without one the visit counts, and the value is
                    // reported as unrecognised (the trend leaves the row out as undated).
                    if options.from != nil || options.to != nil || options.strict { return excluded(.unparseableDate, c) }
                    dateUnrecognised[Int(v)] += 1
                    dayNumber = Self.blankDay
                }
                if dayNumber == Self.blankDay {
                    if options.from != nil || options.to != nil { return excluded(.noDate, c) }
                    dayNumber = Int32.min
                }
            }
            let day = dayNumber == Int32.min ? nil : CivilDate(dayNumber: Int(dayNumber))
            if let day, (options.from.map { day < $0 } ?? false) || (options.to.map { day > $0 } ?? false) {
                return excluded(.outsidePeriod, dateIndex)
            }

            var buurt: Int32 = -1
            if buurtColumn != nil || postcodeIndex != nil {
                var resolved = Self.noBuurtCode
                var column = buurtColumn ?? postcodeIndex
                if let c = buurtColumn {
                    let (v, isNew) = reader.withBytes(c) { buurtValues.intern($0.trimmedASCII()) }
                    if isNew { buurtResult.append(resolve(buurt: encoding.decode(buurtValues.bytes(v)), postcode: nil)) }
                    resolved = buurtResult[Int(v)]
                }
                if resolved == Self.noBuurtCode, let c = postcodeIndex {
                    let (v, isNew) = reader.withBytes(c) { postcodeValues.intern($0.trimmedASCII()) }
                    if isNew { postcodeResult.append(resolve(buurt: nil, postcode: encoding.decode(postcodeValues.bytes(v)))) }
                    resolved = postcodeResult[Int(v)]
                    column = c
                }
                if resolved < 0 { return excluded(ExclusionReason.allCases[Int(-1 - resolved)], column) }
                buurt = resolved
            }

            reconciliation.rowsUsed += 1
            let gender = category(genderColumn, reader) ?? -1
            born = (Int32.min, Int32.max)
            let age = ageBand(reader, day: day) ?? -1
            let origin = category(originColumn, reader) ?? -1
            let activity = activityIndex.map { activities.index(of: $0, in: reader, encoding: encoding) } ?? -1
            let initiative = fileInitiative ?? initiativeIndex.map { initiatives.index(of: $0, in: reader, encoding: encoding) } ?? -1
            let role = roleIndex.map { roles.index(of: $0, in: reader, encoding: encoding) } ?? -1
            batch.append(id: id, status: .used, row: row, day: dayNumber, buurt: buurt, gender: gender, age: age,
                         origin: origin, activity: activity, initiative: initiative, role: role, born: born)
            return nil
        }
    }

    private func resolve(buurt: String?, postcode: String?) -> Int32 {
        let resolver = options.buurten ?? BuurtResolver(known: nil)
        switch resolver.resolve(buurt: buurt, postcode: postcode) {
        case .success(let code):
            if let i = buurtIndex[code] { return i }
            buurtCodes.append(code)
            buurtIndex[code] = Int32(buurtCodes.count - 1)
            return Int32(buurtCodes.count - 1)
        case .failure(let reason):
            return Self.code(reason)
        }
    }

    private func exclude(_ reason: ExclusionReason, column: Int?) -> (ExclusionReason, Int?) {
        reconciliation.excluded[reason, default: 0] += 1
        return (reason, column)
    }

    /// The category of a label column, harmonised once per distinct value; nil without the column.
    private func category(_ column: CategoricalColumn, _ reader: CSVReader) -> Int8? {
        guard let index = column.index else { return nil }
        let (v, isNew) = reader.withBytes(index) { column.values.intern($0) }
        if isNew {
            let text = encoding.decode(column.values.bytes(v))
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
        let code = column.code[Int(v)]
        if code >= 0 { return code }
        if code == -2 { column.unrecognisedRows[Int(v)] += 1 }
        return nil
    }

    /// Year, month and day of recent days, by day number modulo 1,024 (a row's date changes on
    /// almost every row, but three years of dates fit).
    @exclusivity(unchecked) private var componentDays = [Int32](repeating: Int32.min, count: 1024)
    @exclusivity(unchecked) private var componentValues = [(year: Int, month: Int, day: Int)](repeating: (0, 0, 0), count: 1024)

    @inline(__always) private func components(of date: CivilDate) -> (year: Int, month: Int, day: Int) {
        let slot = date.dayNumber & 1023
        if componentDays[slot] == Int32(truncatingIfNeeded: date.dayNumber) { return componentValues[slot] }
        let c = date.components
        componentDays[slot] = Int32(truncatingIfNeeded: date.dayNumber)
        componentValues[slot] = c
        return c
    }

    /// The age band of a row: from the age, else the birth year or date (age at the visit, a birth
    /// year alone taken as born on 1 July), else an age band label.
    private func ageBand(_ reader: CSVReader, day: CivilDate?) -> Int8? {
        if let c = ageIndex {
            let (v, isNew) = reader.withBytes(c) { ages.intern($0.trimmedASCII()) }
            if isNew {
                let text = encoding.decode(ages.bytes(v)).trimmingSpaces()
                let whole = text.split(whereSeparator: { $0 == "," || $0 == "." }).first.map(String.init) ?? text
                ageValue.append(text.isEmpty ? -1 : Int(whole).flatMap { CategoryKeys.ageBand($0) }.map(Int32.init) ?? -2)
                ageYears.append(Int(whole) ?? -1)
                ageUnrecognised.append(0)
            }
            let band = ageValue[Int(v)]
            if band >= 0 {
                if let range = Self.bornRange(age: ageYears[Int(v)], at: day ?? options.referenceDate) { born = range }
                return Int8(band)
            }
            if band == -2 { ageUnrecognised[Int(v)] += 1; return nil }
        }
        if let c = birthIndex {
            let (v, isNew) = reader.withBytes(c) { births.intern($0.trimmedASCII()) }
            if isNew {
                let text = encoding.decode(births.bytes(v)).trimmingSpaces()
                if text.isEmpty { birthValue.append(.blank) }
                else if let year = Int(text), (1880...2200).contains(year),
                        let first = CivilDate(year: year, month: 1, day: 1), let last = CivilDate(year: year, month: 12, day: 31) {
                    birthValue.append(.year(year, born: (Int32(first.dayNumber), Int32(last.dayNumber))))
                }
                else if let date = CivilDate(parsing: text) { birthValue.append(.date(date)) }
                else { birthValue.append(.invalid) }
                birthUnrecognised.append(0)
            }
            let at = components(of: day ?? options.referenceDate)
            var age: Int?
            switch birthValue[Int(v)] {
            case .blank: break
            case .invalid: birthUnrecognised[Int(v)] += 1; return nil
            case .year(let year, let range):
                age = at.year - year - ((at.month, at.day) < (7, 1) ? 1 : 0)
                born = range
            case .date(let birth):
                born = (Int32(birth.dayNumber), Int32(birth.dayNumber))
                let b = birth.components
                age = at.year - b.year - ((at.month, at.day) < (b.month, b.day) ? 1 : 0)
            }
            if let age {
                if let band = CategoryKeys.ageBand(age) { return Int8(band) }
                birthUnrecognised[Int(v)] += 1
                return nil
            }
        }
        return category(bandColumn, reader)
    }

    /// The unrecognised values of a column with their row counts (all of them: `finish` keeps the
    /// 20 most frequent, ties by text, so the examples do not depend on the order rows were read in).
    private func unrecognisedExamples(_ interner: ByteInterner, _ counts: [Int]) -> [String: Int]? {
        let ids = counts.indices.filter { counts[$0] > 0 }
        guard !ids.isEmpty else { return nil }
        var out: [String: Int] = [:]
        for i in ids { out[encoding.decode(interner.bytes(Int32(i))).trimmingSpaces(), default: 0] += counts[i] }
        return out
    }

    /// The unrecognised values of every file read so far, all of them, with their row counts.
    func allUnrecognised() -> [AttendanceRole: [String: Int]] {
        var out = earlierUnrecognised
        for (role, examples) in currentUnrecognised() { out[role, default: [:]].merge(examples, uniquingKeysWith: +) }
        return out
    }

    /// Takes over what `ParallelAttendance`'s workers classified, already in the serial numbering,
    /// so that `finish` gives what one thread would have given.
    func adopt(buurtCodes: [RegionCode], activities: [String], initiatives: [String], roles: [String],
               reconciliation: Reconciliation, unrecognised: [AttendanceRole: [String: Int]]) {
        self.buurtCodes = buurtCodes
        buurtIndex = Dictionary(uniqueKeysWithValues: buurtCodes.enumerated().map { ($1, Int32($0)) })
        self.activities.adopt(names: activities)
        self.initiatives.adopt(names: initiatives)
        self.roles.adopt(names: roles)
        self.reconciliation = reconciliation
        earlierUnrecognised = unrecognised
    }

    /// Resolves every person's values into the participant table and completes the reconciliation.
    func finish(_ persons: PersonAccumulator, into reconciliation: inout Reconciliation) -> ParticipantTable {
        persons.forgetIDs()
        let people = persons.people
        let resolver = options.buurten ?? BuurtResolver(known: nil)
        let inArea = buurtCodes.map(resolver.isInArea)
        var unrecognised = earlierUnrecognised
        for (role, examples) in currentUnrecognised() { unrecognised[role, default: [:]].merge(examples, uniquingKeysWith: +) }
        for (role, examples) in unrecognised where !examples.isEmpty {
            // At most 20 examples, the most frequent, as for one file.
            reconciliation.unrecognised[role] = Dictionary(uniqueKeysWithValues: examples.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(20).map { ($0.key, $0.value) })
        }
        // One pass over the persons (112 bytes each: every further pass costs the memory traffic again).
        let lists = persons.tallyLists
        var outsidePersons = 0, outsideRows = 0
        let all = people.count
        var used = ColumnBuilder<Int>(capacity: all)
        var buurt = ColumnBuilder<Int32>(capacity: all), visits = ColumnBuilder<Int32>(capacity: all)
        var firstVisit = ColumnBuilder<Int32>(capacity: all), lastVisit = ColumnBuilder<Int32>(capacity: all)
        var gender = ColumnBuilder<Int8>(capacity: all), age = ColumnBuilder<Int8>(capacity: all), origin = ColumnBuilder<Int8>(capacity: all)
        var conflicts = (buurt: 0, gender: 0, age: 0, origin: 0, born: 0), unknown = (gender: 0, age: 0, origin: 0)
        struct Sets: ~Copyable {
            var offsets: ColumnBuilder<Int32>, list: ColumnBuilder<Int32>
            var extra: [Int: [Int32]] = [:]
            let on: Bool
            init(on: Bool, extraKeys: Set<Int64>, count: Int) {
                self.on = on
                offsets = ColumnBuilder(capacity: on ? count + 1 : 0)
                list = ColumnBuilder(capacity: on ? count : 0)
                guard on else { return }
                offsets.append(0)
                for key in extraKeys { extra[Int(key >> 24), default: []].append(Int32(key & 0xFFFFFF)) }
            }
            /// The set's members from the mask (the first 64), then the rest, in order.
            @inline(__always) mutating func add(_ mask: UInt64, person: Int) {
                guard on else { return }
                var m = mask
                while m != 0 {
                    list.append(Int32(m.trailingZeroBitCount))
                    m &= m - 1
                }
                if !extra.isEmpty, let more = extra[person] { for m in more.sorted() { list.append(m) } }
                offsets.append(Int32(list.count))
            }
        }
        var activitySets = Sets(on: true, extraKeys: persons.extraActivities, count: people.count)
        var initiativeSets = Sets(on: columns[.initiative] != nil, extraKeys: persons.extraInitiatives, count: people.count)
        var roleSets = Sets(on: columns[.role] != nil, extraKeys: persons.extraRoles, count: people.count)
        for i in 0..<people.count {
            let p = people.pointer(i)
            guard p.pointee.visits > 0 else { continue }
            // Where each person lives is resolved from all their rows; a person living outside the
            // area is left out with all their rows (reason `buurt_outside_area`).
            let b = p.pointee.buurt.resolved(lists)
            if let value = b.value, !inArea[Int(value)] {
                outsidePersons += 1
                outsideRows += Int(p.pointee.visits)
                continue
            }
            used.append(i)
            let g = p.pointee.gender.resolved(lists), a = p.pointee.age.resolved(lists), o = p.pointee.origin.resolved(lists)
            buurt.append(b.value ?? -1)
            gender.append(Int8(g.value ?? -1))
            age.append(Int8(a.value ?? -1))
            origin.append(Int8(o.value ?? -1))
            if b.conflict { conflicts.buurt += 1 }
            if g.conflict { conflicts.gender += 1 }
            if a.conflict { conflicts.age += 1 }
            if o.conflict { conflicts.origin += 1 }
            if g.value == nil { unknown.gender += 1 }
            if a.value == nil { unknown.age += 1 }
            if o.value == nil { unknown.origin += 1 }
            // An age that moved on a year between visits is no conflict; birth days that cannot all be
            // true are. (Age band labels carry no birth day: their tally decides.)
            if p.pointee.ageConflict || (p.pointee.bornFrom == Int32.min && a.conflict) { conflicts.born += 1 }
            visits.append(p.pointee.visits)
            firstVisit.append(p.pointee.first)
            lastVisit.append(p.pointee.last)
            activitySets.add(p.pointee.activityMask, person: i)
            initiativeSets.add(p.pointee.initiativeMask, person: i)
            roleSets.add(p.pointee.roleMask, person: i)
        }
        if outsideRows > 0 {
            reconciliation.rowsUsed -= outsideRows
            reconciliation.excluded[.outsideArea, default: 0] += outsideRows
        }
        reconciliation.persons = used.count
        reconciliation.personsOutsideArea = outsidePersons
        func note(_ role: AttendanceRole, _ conflicts: Int, dimension: Dimension?, unknown: Int) {
            if conflicts > 0 { reconciliation.conflicts[role] = conflicts }
            if let dimension, AttendanceRole.allCases.contains(where: { $0.dimension == dimension && columns[$0] != nil }) {
                reconciliation.unknown[dimension] = unknown
            }
        }
        note(.buurt, conflicts.buurt, dimension: nil, unknown: 0)
        note(.gender, conflicts.gender, dimension: .gender, unknown: unknown.gender)
        note(.age, conflicts.age, dimension: .age, unknown: unknown.age)
        if columns[.age] != nil || columns[.birthYear] != nil {
            reconciliation.conflicts[.age] = conflicts.born > 0 ? conflicts.born : nil
        }
        note(.origin, conflicts.origin, dimension: .origin, unknown: unknown.origin)
        var monthOffsets: [Int32] = [], monthList: [Int32] = []
        if persons.collectMonths {
            var newIndex = [Int32](repeating: -1, count: people.count)
            let usedIndices = used.array()
            for (n, i) in usedIndices.enumerated() { newIndex[i] = Int32(n) }
            var perPerson = [[Int32]](repeating: [], count: usedIndices.count)
            for key in persons.visitMonths {
                let n = newIndex[Int(key >> 20)]
                if n >= 0 { perPerson[Int(n)].append(Int32(key & 0xFFFFF)) }
            }
            monthOffsets = [0]
            for months in perPerson {
                monthList.append(contentsOf: months.sorted())
                monthOffsets.append(Int32(monthList.count))
            }
        }
        return ParticipantTable(buurtCodes: buurtCodes, buurt: buurt.array(), gender: gender.array(), ageBand: age.array(), origin: origin.array(),
                                originScheme: options.harmoniser.originScheme,
                                visits: visits.array(), firstVisit: firstVisit.array(), lastVisit: lastVisit.array(), activityNames: activityNames,
                                activityOffsets: activitySets.offsets.array(), activityList: activitySets.list.array(),
                                monthOffsets: monthOffsets, monthList: monthList,
                                initiativeNames: initiatives.names, initiativeOffsets: initiativeSets.offsets.array(),
                                initiativeList: initiativeSets.list.array(),
                                roleNames: roles.names, roleOffsets: roleSets.offsets.array(), roleList: roleSets.list.array())
    }
}

/// The distinct texts of a naming column (activity, initiative): each cell's bytes interned once,
/// blank cells none, equal names after trimming one index.
final class NamedValues: @unchecked Sendable {
    private let values = ByteInterner(capacity: 64)
    @exclusivity(unchecked) private(set) var names: [String] = []
    @exclusivity(unchecked) private var indexOfValue: [Int32] = []

    /// A new file: its bytes may be another encoding's, so the byte cache starts afresh; the names stay.
    func startFile() {
        values.removeAll()
        indexOfValue = []
    }

    /// Names in the serial order, found by `ParallelAttendance`.
    func adopt(names: [String]) {
        self.names = names
    }

    /// The index of a name given outside the file (an initiative named on the command line).
    func index(ofName name: String) -> Int32 {
        if let existing = names.firstIndex(of: name) { return Int32(existing) }
        names.append(name)
        return Int32(names.count - 1)
    }

    func index(of column: Int, in reader: CSVReader, encoding: TextEncoding) -> Int32 {
        let (v, isNew) = reader.withBytes(column) { values.intern($0.trimmedASCII()) }
        if isNew {
            let name = encoding.decode(values.bytes(v)).trimmingSpaces()
            if name.isEmpty {
                indexOfValue.append(-1)
            } else if let existing = names.firstIndex(of: name) {
                indexOfValue.append(Int32(existing))
            } else {
                names.append(name)
                indexOfValue.append(Int32(names.count - 1))
            }
        }
        return indexOfValue[Int(v)]
    }
}
