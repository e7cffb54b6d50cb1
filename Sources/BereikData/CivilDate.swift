/// A calendar date without time zone, stored as days since 1970-01-01 (proleptic Gregorian;
/// conversion after Hinnant, "chrono-compatible low-level date algorithms").
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let dayNumber: Int

    public init(dayNumber: Int) { self.dayNumber = dayNumber }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year), (1800...2200).contains(year) else {
            return nil
        }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        dayNumber = era * 146_097 + doe - 719_468
    }

    public var components: (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public var year: Int { components.year }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }

    public var description: String {
        let c = components
        return "\(c.year)-\(c.month < 10 ? "0" : "")\(c.month)-\(c.day < 10 ? "0" : "")\(c.day)"
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Parses the dates Dutch registrations contain: ISO `2024-03-05` (optionally followed by a
    /// time), `20240305`, and day-first `5-3-2024`, `05/03/2024`, `5.3.2024` (Dutch order: day
    /// before month; a two-digit year means 20xx). Returns nil for anything else.
    public init?(parsing text: some StringProtocol) {
        var numbers: [Int] = []
        var widths: [Int] = []  // digits written per number: "0001" is year 1, not 2001
        var separators = 0
        var current = -1
        var digits = 0
        for ch in text.utf8 {
            if ch >= 48 && ch <= 57 {
                current = (current < 0 ? 0 : current) * 10 + Int(ch - 48)
                digits += 1
                if digits > 8 { return nil }
            } else if ch == 32 || ch == 84 /* T */ {
                if current >= 0 { break }  // a time follows the date
                if ch == 84 { return nil }
            } else if ch == 45 || ch == 47 || ch == 46 {
                guard current >= 0 else { return nil }
                numbers.append(current); widths.append(digits); current = -1; digits = 0; separators += 1
                if separators > 2 { return nil }
            } else {
                return nil
            }
        }
        if current >= 0 { numbers.append(current); widths.append(digits) }
        if numbers.count == 1, digits == 8 {
            let v = numbers[0]
            self.init(year: v / 10_000, month: (v / 100) % 100, day: v % 100)
        } else if numbers.count == 3 {
            if widths[0] >= 3 {
                self.init(year: numbers[0], month: numbers[1], day: numbers[2])
            } else {
                let year = widths[2] <= 2 ? 2000 + numbers[2] : numbers[2]
                self.init(year: year, month: numbers[1], day: numbers[0])
            }
        } else {
            return nil
        }
    }
}
