/// Excel's date serials and date formats (ECMA-376 Part 1, §18.17.4.1 "Date representation" and
/// §18.8.30 numFmt; built-in format ids in §18.8.30 Table). Excel stores a date as the number of
/// days since an epoch, formatted for display; the number alone does not say it is a date.
public enum ExcelDate {
    /// The day of a serial: in the 1900 system serial 1 is 1900-01-01 and serial 60 is the
    /// fictitious 1900-02-29 (Lotus 1-2-3's leap-year bug, kept by Excel), so from 61 on the day is
    /// 1899-12-30 + serial; in the 1904 system (old Mac workbooks) serial 0 is 1904-01-01. A time of
    /// day (the fraction) is dropped. Nil for serial 60, negatives and beyond year 9999.
    public static func day(serial: Double, date1904: Bool) -> CivilDate? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let whole = Int(serial.rounded(.down))
        if date1904 { return CivilDate(year: 1904, month: 1, day: 1).map { CivilDate(dayNumber: $0.dayNumber + whole) } }
        if whole == 60 || whole == 0 { return nil }
        let base = whole < 60 ? CivilDate(year: 1899, month: 12, day: 31)! : CivilDate(year: 1899, month: 12, day: 30)!
        return CivilDate(dayNumber: base.dayNumber + whole)
    }

    /// Built-in number formats that are dates or date-times (14–22 and 27–36, 45–47, 50–58 in
    /// East-Asian locales; all show a date in some locale).
    static let builtInDateFormats: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// Whether a custom format code shows a date: it has d, m or y (or e, the era year) outside
    /// quoted text, escapes and [colour]/[h] brackets. A code of only h, m, s is a time, not a date.
    public static func isDateFormat(_ code: String) -> Bool {
        var inQuote = false, inBracket = false, escaped = false, sawDay = false, sawYear = false, sawMonthOrMinute = false
        for ch in code.lowercased() {
            if escaped { escaped = false; continue }
            if inQuote { if ch == "\"" { inQuote = false }; continue }
            if inBracket { if ch == "]" { inBracket = false }; continue }
            switch ch {
            case "\\", "_", "*": escaped = true
            case "\"": inQuote = true
            case "[": inBracket = true
            case "d": sawDay = true
            case "y", "e": sawYear = true
            case "m": sawMonthOrMinute = true
            default: break
            }
        }
        return sawDay || sawYear || (sawMonthOrMinute && !code.lowercased().contains("h") && !code.lowercased().contains("s"))
    }
}
