import Foundation

/// Where participants live: turns a row's buurt code or postcode into a buurt, or a reason to
/// exclude the row.
public struct BuurtResolver: Sendable {
    /// Regions of the population table (buurten, wijken, gemeenten); nil accepts any well-formed code.
    public let known: Set<RegionCode>?
    /// The population table itself, when given instead of a set: its index answers without a
    /// second set of 18,000 codes (14 M instructions on the bundled table, issue 15).
    private let population: PopulationTable?
    /// The comparison area; empty means no restriction.
    public let area: [RegionCode]
    /// PC6 → buurt (exact), when the user gave CBS's postcode table.
    public let postcodes: PostcodeMap?
    /// PC4 → wijk or gemeente (bundled), for postcodes the PC6 table does not place.
    public var postcodeAreas: PostcodeAreas? { loadPostcodeAreas() }
    /// Loaded at the first postcode, not before: most runs have buurt codes only, and reading the
    /// two PC4 tables costs about 20 ms.
    private let loadPostcodeAreas: @Sendable () -> PostcodeAreas?

    public init(known: Set<RegionCode>?, area: [RegionCode] = [], postcodes: PostcodeMap? = nil, postcodeAreas: PostcodeAreas? = nil) {
        self.init(known: known, area: area, postcodes: postcodes, loadingPostcodeAreas: { postcodeAreas })
    }

    public init(known: Set<RegionCode>?, area: [RegionCode] = [], postcodes: PostcodeMap? = nil,
                loadingPostcodeAreas: @escaping @Sendable () -> PostcodeAreas?) {
        self.init(known: known, population: nil, area: area, postcodes: postcodes, loadingPostcodeAreas: loadingPostcodeAreas)
    }

    /// Codes known when they are regions of `population`.
    public init(population: PopulationTable, area: [RegionCode] = [], postcodes: PostcodeMap? = nil,
                loadingPostcodeAreas: @escaping @Sendable () -> PostcodeAreas?) {
        self.init(known: nil, population: population, area: area, postcodes: postcodes, loadingPostcodeAreas: loadingPostcodeAreas)
    }

    private init(known: Set<RegionCode>?, population: PopulationTable?, area: [RegionCode], postcodes: PostcodeMap?,
                 loadingPostcodeAreas: @escaping @Sendable () -> PostcodeAreas?) {
        self.known = known
        self.population = population
        self.area = area
        self.postcodes = postcodes
        loadPostcodeAreas = loadingPostcodeAreas
    }

    private func isKnown(_ code: RegionCode) -> Bool {
        if let population { return population.region(code) != nil }
        return known?.contains(code) ?? true
    }

    /// A postcode's place: the buurt of its PC6 (exact), else the wijk of its PC4 when the PC4 lies
    /// in one wijk known to the population table, else the PC4's gemeente.
    func place(postcode: String) -> RegionCode? {
        if let buurt = postcodes?.buurt(forPostcode: postcode) { return buurt }
        guard let areas = postcodeAreas, let pc4 = PostcodeAreas.pc4(postcode) else { return nil }
        if let wijk = areas.wijk[pc4], isKnown(wijk) { return wijk }
        if let gemeente = areas.gemeente[pc4], isKnown(gemeente) { return gemeente }
        return nil
    }

    func resolve(buurt rawBuurt: String?, postcode rawPostcode: String?) -> Result<RegionCode, ExclusionReason> {
        let buurtText = rawBuurt?.trimmingSpaces() ?? ""
        let code: RegionCode
        if !buurtText.isEmpty {
            guard let parsed = RegionCode(buurtDigits: buurtText) else { return .failure(.unknownBuurt) }
            code = parsed
        } else if let postcodeText = rawPostcode?.trimmingSpaces(), !postcodeText.isEmpty {
            guard let mapped = place(postcode: postcodeText) else { return .failure(.unknownPostcode) }
            code = mapped
        } else {
            return .failure(.noBuurt)
        }
        if !isKnown(code) { return .failure(.unknownBuurt) }
        if !area.isEmpty, !area.contains(where: { $0.contains(code) }) {
            // A PC4 whose wijken all lie in the area is in the area, though not in one wijk of it.
            // One whose wijken all lie outside it is outside, though its gemeente holds the area.
            if code.level != .buurt, let text = rawPostcode, let pc4 = PostcodeAreas.pc4(text),
               let wijken = postcodeAreas?.wijken[pc4], let first = wijken.first {
                if wijken.allSatisfy({ w in area.contains { $0.contains(w) } }) { return .success(first) }
                if !wijken.contains(where: { w in area.contains { $0.contains(w) || w.contains($0) } }) { return .success(code) }
            }
            // Placed in a gemeente (or wijk) that holds part of the area: in it or not, nobody can tell.
            if area.contains(where: { code.contains($0) }) { return .failure(.postcodeTooCoarse) }
        }
        return .success(code)
    }

    /// Whether a resolved place lies in the area. A row's place outside the area does not exclude
    /// the row: where a person lives is resolved from all their rows first ("most frequent, then
    /// latest"), and only then is the person kept or left out by area, so the same person lives in
    /// the same buurt whatever `--area` is (issue 11, item 2).
    public func isInArea(_ code: RegionCode) -> Bool { area.isEmpty || area.contains { $0.contains(code) } }
}

/// Whether attendance is read on all cores (`ParallelAttendance`) or on one thread. The result is
/// the same either way; `.chunks` exists so tests can cut small files into many chunks.
public enum AttendanceReading: Sendable, Equatable {
    /// All cores for one file of at least 8 MiB read without `strict` or `onExclusion`; else one thread.
    case automatic
    case serial
    /// All cores with chunks of about `bytes` bytes and `workers` classifying threads (tests).
    case chunks(bytes: Int, workers: Int)
}

/// Settings for reading attendance.
public struct AttendanceOptions: Sendable {
    public var overrides: [AttendanceRole: String] = [:]
    public var from: CivilDate?
    public var to: CivilDate?
    /// Exclusions become errors.
    public var strict = false
    /// The worksheet of an Excel workbook (nil: the first with data).
    public var sheet: String?
    public var harmoniser: CategoryHarmoniser
    public var buurten: BuurtResolver?
    /// Age is computed at the visit date; for rows without one, at this date.
    public var referenceDate: CivilDate
    /// Keep the months in which each person visited (for trends over time); costs memory per visit-month.
    public var collectMonths = false
    /// Called for every excluded row with where it is and why (`bereik validate` lists them).
    public var onExclusion: (@Sendable (SourceLocation, ExclusionReason) -> Void)?
    /// Called every 2^20 rows with the number of rows read so far (progress display).
    public var progress: (@Sendable (Int) -> Void)?
    /// How the rows are read: on all cores for one large file (the default), or on one thread.
    public var reading: AttendanceReading = .automatic
    /// Threads for `.automatic` (nil: all cores; 1: one thread).
    public var threads: Int?

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
    /// The files read, in order, when there were several or one was named.
    public var files: [File] = []
    /// The chunks read on all cores (`ParallelAttendance`); 0 when one thread read the rows.
    public var chunks = 0
    public struct File: Sendable, Equatable {
        public let source: String
        public let initiative: String?
    }
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
///
/// Two threads share the work: this one parses CSV and classifies each row (`RowClassifier`:
/// everything but the person), a second one looks persons up and updates them
/// (`PersonAccumulator`). Batches of rows pass between them in order, so the result is the same
/// as a sequential read.
public enum AttendanceReader {
    static let batchSize = 16_384

    /// The table and its columns. Without `--sheet`, a workbook's first sheet with data may be a
    /// notes sheet: then the first sheet whose header has a person column is taken, and when no
    /// sheet has one the error lists the sheets.
    static func openAttendance(path: String, displayName: String?, options: AttendanceOptions) throws -> (CSVReader, AttendanceColumns) {
        func open(_ sheet: String?) throws -> (CSVReader, AttendanceColumns) {
            let reader = try TableSource.open(path: path, displayName: displayName, sheet: sheet)
            let location = SourceLocation(file: reader.displayName, sheet: reader.sheet)
            return (reader, try AttendanceColumns(header: reader.header, overrides: options.overrides, file: reader.displayName, location: location))
        }
        do {
            return try open(options.sheet)
        } catch let first as DataError where options.sheet == nil && Workbook.isZIP(path: path) {
            guard let sheets = try? Workbook(path: path, displayName: displayName).sheets.map(\.name), sheets.count > 1 else { throw first }
            for sheet in sheets { if let found = try? open(sheet) { return found } }
            var error = first
            error.message += "; the workbook's sheets: \(Excerpt.list(sheets)) (choose one with --sheet)"
            error.dutch = error.dutch.map { $0 + "; de bladen van de werkmap: \(Excerpt.list(sheets)) (kies er een met --sheet)" }
            throw error
        }
    }

    public static func read(path: String, displayName: String? = nil, options: AttendanceOptions) throws -> AttendanceData {
        try read(files: [AttendanceFile(path: path, displayName: displayName)], options: options)
    }

    /// Several files read as one attendance (`--attendance "Wandelgroep=noord.csv" --attendance
    /// "Taalcafé=taal.csv"`): one person accumulator, so a person (same id) in several files is
    /// one person, with every file's rows; each file's columns are found in its own header, and a
    /// named file's rows belong to the initiative of that name. With more than one file each file
    /// has a name or an initiative column, so every row has an initiative.
    public static func read(files: [AttendanceFile], options: AttendanceOptions) throws -> AttendanceData {
        precondition(!files.isEmpty)
        var opened: [(reader: CSVReader, columns: AttendanceColumns, file: AttendanceFile)] = []
        for file in files {
            let (reader, columns) = try openAttendance(path: file.path, displayName: file.displayName, options: options)
            let location = SourceLocation(file: reader.displayName, line: 1, sheet: reader.sheet)
            if file.initiative != nil, let c = columns[.initiative] {
                throw DataError(location, DataMessages.initiativeTwice(name: Excerpt.text(file.initiative!), column: Excerpt.text(columns.header[c])))
            }
            if files.count > 1, file.initiative == nil, columns[.initiative] == nil {
                throw DataError(location, DataMessages.initiativeUnnamed(file: Excerpt.text(reader.displayName)))
            }
            if let name = file.initiative, opened.contains(where: { $0.file.initiative == name }) {
                throw DataError(location, DataMessages.initiativeNamedTwice(name: Excerpt.text(name)))
            }
            opened.append((reader, columns, file))
        }
        let first = opened[0]
        let classifier = RowClassifier(options: options, columns: first.columns, encoding: first.reader.dialect.encoding)
        if first.file.initiative != nil {
            classifier.nextFile(columns: first.columns, encoding: first.reader.dialect.encoding, initiative: first.file.initiative)
        }
        let accumulator = PersonAccumulator(collectMonths: options.collectMonths)
        let blankLines: Int
        var chunkCount = 0
        if let chunks = ParallelAttendance.settings(options.reading, files: opened.count, options: options, size: first.reader.sourceSize) {
            let parallel = ParallelAttendance(source: first.reader, columns: first.columns, initiative: first.file.initiative,
                                              options: options, chunkBytes: chunks.bytes, workers: chunks.workers)
            do {
                blankLines = try first.reader.blankLines + parallel.read(into: accumulator, classifier: classifier)
                chunkCount = parallel.chunkCount
            } catch is ParallelAttendance.Fallback {
                // A chunk cut inside quotes, or an error in the text: one thread, from the start.
                var serial = options
                serial.reading = .serial
                return try read(files: files, options: serial)
            }
        } else {
            blankLines = try readSerially(opened, classifier: classifier, accumulator: accumulator, options: options)
        }
        var reconciliation = classifier.reconciliation
        reconciliation.blankLines = blankLines
        let columns = opened.count == 1 && first.file.initiative == nil ? first.columns : AttendanceColumns(merging: opened.map { ($0.columns, $0.file.initiative != nil) })
        classifier.columns = columns
        let table = classifier.finish(accumulator, into: &reconciliation)
        var data = AttendanceData(participants: table, reconciliation: reconciliation, columns: columns,
                                  dialect: first.reader.dialect, source: opened.map(\.reader.displayName).joined(separator: ", "),
                                  files: opened.map { AttendanceData.File(source: $0.reader.displayName, initiative: $0.file.initiative) })
        data.chunks = chunkCount
        return data
    }

    /// One thread parses and classifies, another adds the rows to the persons. Returns the blank lines skipped.
    private static func readSerially(_ opened: [(reader: CSVReader, columns: AttendanceColumns, file: AttendanceFile)],
                                     classifier: RowClassifier, accumulator: PersonAccumulator, options: AttendanceOptions) throws -> Int {
        let channel = BatchChannel(batches: 3, capacity: batchSize)
        let consumer = Thread {
            while let batch = channel.take() {
                accumulator.add(batch)
                channel.recycle(batch)
            }
            channel.consumerDone()
        }
        consumer.stackSize = 1 << 20
        consumer.start()
        var blankLines = 0
        do {
            var batch = channel.emptyBatch()
            // Rows are numbered on across files, so "the latest visit" breaks ties in file order.
            var row: Int64 = 0
            for (n, file) in opened.enumerated() {
                let reader = file.reader
                if n > 0 {
                    classifier.nextFile(columns: file.columns, encoding: reader.dialect.encoding, initiative: file.file.initiative)
                }
                let firstRow = row
                while try reader.next() {
                    try reader.requireHeaderWidth()
                    row += 1
                    if row & 0xFFFFF == 0 { options.progress?(Int(row)) }
                    if let (reason, column) = classifier.classify(reader, row: row, into: batch) {
                        if options.strict {
                            throw DataError(reader.location(column: column), "row excluded (\(reason.rawValue)) in strict mode")
                        }
                        options.onExclusion?(reader.location(column: column), reason)
                    }
                    if batch.count == batchSize {
                        channel.put(batch)
                        batch = channel.emptyBatch()
                    }
                }
                blankLines += reader.blankLines
                // One of several files without a data row: said, not silently an initiative of nobody.
                if opened.count > 1, row == firstRow {
                    throw DataError(SourceLocation(file: reader.displayName, line: 2, sheet: reader.sheet), DataMessages.noDataRows)
                }
            }
            channel.put(batch)
            channel.finish()
        } catch {
            channel.finish()
            channel.waitForConsumer()
            throw error
        }
        channel.waitForConsumer()
        return blankLines
    }
}

/// One attendance file of a run, with the initiative its rows belong to when it was given as "Naam=file".
public struct AttendanceFile: Sendable, Equatable {
    public var path: String
    public var displayName: String?
    public var initiative: String?

    public init(path: String, displayName: String? = nil, initiative: String? = nil) {
        self.path = path
        self.displayName = displayName
        self.initiative = initiative
    }

    /// "Naam=pad" or a path. A path that exists is a path, even with "=" in it.
    public init(argument: String, exists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) {
        if !exists(argument), let eq = argument.firstIndex(of: "="), eq != argument.startIndex {
            let name = argument[..<eq].trimmingCharacters(in: .whitespaces)
            self.init(path: String(argument[argument.index(after: eq)...]).trimmingCharacters(in: .whitespaces), initiative: name.isEmpty ? nil : name)
        } else {
            self.init(path: argument)
        }
    }
}

