import Foundation

/// The bundled population table in a form read without parsing text: fixed-width records and one
/// block of names. Parsing the bundled CBS CSV (18,000 regions) cost 226 M instructions on every
/// run, most of a small analysis (issue 15); this form is read in a few million. It is made from
/// the CSV by `bereik-pack-population` (`scripts/pack-population.sh`), and a test reads both and
/// requires every region to be equal, so the two cannot drift apart.
///
/// Layout (little-endian): the magic line; u32 regions; u8 origin scheme (0 herkomst,
/// 1 migratieachtergrond); u32 clamped origin cells; u8 + bytes layout; u16 + bytes source file
/// name; 64 bytes source SHA-256 (hex); u32 bytes of names; then per region 60 bytes — u64 code
/// key, u8 level, u8 dimensions present (1 gender, 2 age, 4 origin), u16 name length, u32 name
/// offset, i32 inwoners (−1 unknown), 10 × i32 counts (gender 2, age 5, origin 3) — then the names.
public enum CompactPopulation {
    static let magic = Array("BEREIK-POPULATION-1\n".utf8)
    static let recordSize = 60

    /// Whether the file at `path` starts with the compact form's magic line.
    public static func isCompact(path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: magic.count) else { return false }
        return Array(head) == magic
    }

    /// The compact form of `table`, naming `sourceFile` and its SHA-256.
    public static func encode(_ table: PopulationTable, sourceFile: String, sourceSHA256: String) throws -> [UInt8] {
        var out = magic
        func u8(_ v: Int) { out.append(UInt8(v)) }
        func u16(_ v: Int) { withUnsafeBytes(of: UInt16(v).littleEndian) { out += $0 } }
        func u32(_ v: Int) { withUnsafeBytes(of: UInt32(v).littleEndian) { out += $0 } }
        func i32(_ v: Int) throws {
            guard let small = Int32(exactly: v) else { throw DataError(SourceLocation(file: sourceFile), "count \(v) does not fit the compact form") }
            withUnsafeBytes(of: small.littleEndian) { out += $0 }
        }
        func text8(_ s: String) { u8(s.utf8.count); out += s.utf8 }
        var names: [UInt8] = []
        u32(table.regions.count)
        u8(table.originScheme == .herkomst ? 0 : 1)
        u32(table.clampedOriginCells)
        text8(table.layout)
        u16(sourceFile.utf8.count); out += sourceFile.utf8
        precondition(sourceSHA256.utf8.count == 64, "a SHA-256 in hex has 64 characters")
        out += sourceSHA256.utf8
        for r in table.regions { names += r.name.utf8 }
        u32(names.count)
        var offset = 0
        for r in table.regions {
            withUnsafeBytes(of: r.code.key.littleEndian) { out += $0 }
            u8(r.code.level.rank)
            u8(Int(r.counts.presentBits))
            let length = r.name.utf8.count
            guard length <= Int(UInt16.max) else { throw DataError(SourceLocation(file: sourceFile), "region name too long for the compact form") }
            u16(length)
            u32(offset)
            offset += length
            try i32(r.inwoners ?? -1)
            for i in 0..<DimensionCounts.capacity { try i32(r.counts.slot(i)) }
        }
        out += names
        return out
    }

    /// The source file and its SHA-256 that a compact file was made from (for the report's list of inputs).
    public static func source(path: String) throws -> (file: String, sha256: String) {
        let bytes = try Self.bytes(path, upTo: headerLimit)
        var cursor = Cursor(bytes: bytes, file: path)
        let header = try cursor.header()
        return (header.source, header.sha256)
    }

    /// Reads a compact file; a damaged one is an error naming the file, never a crash.
    public static func read(path: String, displayName: String? = nil) throws -> PopulationTable {
        let file = displayName ?? path
        var cursor = Cursor(bytes: try bytes(path), file: file)
        let header = try cursor.header()
        let namesStart = cursor.position + header.regions * recordSize
        guard header.regions > 0, namesStart + header.namesLength == cursor.bytes.count else { throw cursor.damaged }
        let levels: [RegionLevel] = [.country, .gemeente, .wijk, .buurt]
        let bytes = cursor.bytes, damaged = cursor.damaged
        var position = cursor.position
        var regions: [RegionPopulation] = []
        regions.reserveCapacity(header.regions)
        try bytes.withUnsafeBytes { raw in
            for _ in 0..<header.regions {
                let key = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt64.self))
                let rank = Int(raw[position + 8]), mask = raw[position + 9]
                let nameLength = Int(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: position + 10, as: UInt16.self)))
                let nameOffset = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: position + 12, as: UInt32.self)))
                let record = position + 16
                func int32(_ i: Int) -> Int {
                    Int(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: record + 4 * i, as: Int32.self)))
                }
                guard rank < levels.count, mask < 8, nameOffset + nameLength <= header.namesLength,
                      RegionCode.isValidKey(key, level: levels[rank]) else { throw damaged }
                let inwoners = int32(0)
                guard inwoners >= -1, (1...DimensionCounts.capacity).allSatisfy({ int32($0) >= 0 }) else { throw damaged }
                let start = namesStart + nameOffset
                let name = String(decoding: UnsafeRawBufferPointer(rebasing: raw[start..<(start + nameLength)]), as: UTF8.self)
                let counts = DimensionCounts(present: mask) { int32(1 + $0) }
                regions.append(RegionPopulation(code: RegionCode(level: levels[rank], key: key), name: name,
                                                inwoners: inwoners < 0 ? nil : inwoners, counts: counts))
                position += recordSize
            }
        }
        return PopulationTable(source: file, layout: header.layout, originScheme: header.scheme, regions: regions,
                               clampedOriginCells: header.clamped)
    }

    /// The longest header: magic, counts, a layout of 255 bytes, a file name of 65,535, the digest.
    static let headerLimit = magic.count + 4 + 1 + 4 + 1 + 255 + 2 + 65_535 + 64 + 4

    static func bytes(_ path: String, upTo limit: Int? = nil) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DataError(SourceLocation(file: path), DataMessages.cannotOpen(errno: errno))
        }
        defer { try? handle.close() }
        let data = try limit.map { try handle.read(upToCount: $0) } ?? handle.readToEnd()
        return [UInt8](data ?? Data())
    }

    struct Header {
        let regions: Int, scheme: OriginScheme, clamped: Int, layout: String, source: String, sha256: String, namesLength: Int
    }

    /// Reading with bounds checks: every read past the end is "damaged".
    struct Cursor {
        let bytes: [UInt8]
        let file: String
        var position = 0

        var damaged: DataError { DataError(SourceLocation(file: file), DataMessages.damagedCompactPopulation) }

        mutating func take(_ n: Int) throws -> ArraySlice<UInt8> {
            guard n >= 0, position + n <= bytes.count else { throw damaged }
            defer { position += n }
            return bytes[position..<(position + n)]
        }
        mutating func uint(_ width: Int) throws -> Int {
            try take(width).reversed().reduce(0) { $0 << 8 | Int($1) }
        }
        mutating func text(_ n: Int) throws -> String { String(decoding: try take(n), as: UTF8.self) }

        mutating func header() throws -> Header {
            guard Array(try take(CompactPopulation.magic.count)) == CompactPopulation.magic else { throw damaged }
            let regions = try uint(4), schemeByte = try uint(1), clamped = try uint(4)
            let layout = try text(try uint(1)), source = try text(try uint(2)), sha = try text(64), names = try uint(4)
            guard schemeByte < 2 else { throw damaged }
            return Header(regions: regions, scheme: schemeByte == 0 ? .herkomst : .migratieachtergrond, clamped: clamped,
                          layout: layout, source: source, sha256: sha, namesLength: names)
        }
    }
}
