/// The outcome of harmonising one raw value.
public enum Harmonised: Sendable, Equatable {
    /// Index into the dimension's canonical keys.
    case category(Int)
    /// Known not to fit the comparison (blank, x, anders, non-binair, onbekend): reported, not compared.
    case unknown
    /// Not recognised at all: reported with the value, so the user can add a mapping.
    case unrecognised
}

/// Maps raw attendance values to canonical categories. Matching is on a normalised form:
/// lower case, accents removed, spaces, dots, hyphens and underscores dropped.
public struct CategoryHarmoniser: Sendable {
    public let originScheme: OriginScheme
    public let countries: CountryList

    public init(originScheme: OriginScheme, countries: CountryList = .standard) {
        self.originScheme = originScheme
        self.countries = countries
    }

    /// Normalises a label for matching: "Buiten-Europa " → "buiteneuropa", "Dé" → "de".
    public static func normalise(_ raw: String) -> String {
        // ASCII (almost every value): letters lowered, digits and "+" kept — what the Unicode path
        // below gives for ASCII, without Foundation's canonical decomposition per value.
        if raw.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(raw.utf8.count)
            for b in raw.utf8 {
                switch b {
                case 0x61...0x7A, 0x30...0x39, 0x2B: bytes.append(b)
                case 0x41...0x5A: bytes.append(b | 0x20)
                default: break
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return normaliseScalars(raw)
    }

    /// Lower case, canonical decomposition, letters and digits kept without their accents, and "+".
    static func normaliseScalars(_ raw: String) -> String {
        var out = ""
        out.reserveCapacity(raw.utf8.count)
        for scalar in raw.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if scalar.properties.generalCategory != .nonspacingMark { out.unicodeScalars.append(scalar) }
            } else if scalar == "+" {
                out.append("+")
            }
        }
        return out
    }

    static let unknownWords: Set<String> = ["", "x", "onbekend", "unknown", "anders", "other", "overig", "nonbinair",
                                            "nonbinary", "genderneutraal", "zegiknietwilniet", "wilniksnietzeggen",
                                            "nvt", "na", "geen", "none", "prefernottosay", "divers", "diverse", "?", "-"]

    /// man / vrouw; x, anders, non-binair and blanks are `unknown` (CBS counts two sexes only).
    public func gender(_ raw: String) -> Harmonised {
        let key = Self.normalise(raw)
        switch key {
        case "m", "man", "mannen", "male", "men", "jongen", "jongens", "boy", "heer", "dhr", "mr", "mnl", "mannelijk", "1":
            return .category(0)
        case "v", "vrouw", "vrouwen", "f", "female", "women", "woman", "meisje", "meisjes", "girl", "mevrouw", "mevr", "mw",
             "mrs", "ms", "vr", "vrl", "vrouwelijk", "2":
            return .category(1)
        default:
            return Self.unknownWords.contains(key) ? .unknown : .unrecognised
        }
    }

    /// An age band label ("25-44", "25 t/m 44", "65+", "65 jaar of ouder", "0 tot 15 jaar").
    public func ageBandLabel(_ raw: String) -> Harmonised {
        let text = raw.lowercased()
        let numbers = text.split { !$0.isNumber }.compactMap { Int($0) }
        guard let first = numbers.first else { return Self.unknownWords.contains(Self.normalise(raw)) ? .unknown : .unrecognised }
        guard let band = CategoryKeys.ageBand(first), CategoryKeys.ageLowerBounds[band] == first else { return .unrecognised }
        if numbers.count == 1 { return band == CategoryKeys.age.count - 1 ? .category(band) : .unrecognised }
        let upper = numbers[1]
        let nextLower = band + 1 < CategoryKeys.ageLowerBounds.count ? CategoryKeys.ageLowerBounds[band + 1] : Int.max
        // "0-14", "0 t/m 14" (inclusive) and "0 tot 15" (exclusive) all name the same band.
        return upper == nextLower - 1 || upper == nextLower ? .category(band) : .unrecognised
    }

    /// An origin label in either CBS scheme, or a country name / ISO code mapped through `countries`.
    public func origin(_ raw: String) -> Harmonised {
        let key = Self.normalise(raw)
        if Self.unknownWords.contains(key) { return .unknown }
        switch originScheme {
        case .herkomst:
            switch key {
            case "nederland", "nederlands", "nl", "nld", "netherlands", "dutch", "autochtoon": return .category(0)
            case "europa", "europaexclnl", "europaexclusiefnederland", "europe", "europeexclnl", "europees", "european":
                return .category(1)
            case "buiteneuropa", "nieteuropa", "outsideeurope", "noneurope", "noneuropean": return .category(2)
            default: break
            }
        case .migratieachtergrond:
            switch key {
            case "nederland", "nederlands", "nederlandseachtergrond", "nl", "nld", "netherlands", "dutch", "autochtoon":
                return .category(0)
            case "westers", "westerse", "westersemigratieachtergrond", "western": return .category(1)
            case "nietwesters", "nietwesterse", "nietwestersemigratieachtergrond", "nonwestern": return .category(2)
            default: break
            }
        }
        guard let country = countries.lookup(key) else { return .unrecognised }
        switch originScheme {
        case .herkomst: return .category(country.isNetherlands ? 0 : country.inEurope ? 1 : 2)
        case .migratieachtergrond: return .category(country.isNetherlands ? 0 : country.western ? 1 : 2)
        }
    }
}
