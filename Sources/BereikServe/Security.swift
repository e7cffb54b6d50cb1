import BereikData
import Foundation

/// CSRF tokens: a per-process secret signs the time the page was made (HMAC-SHA-256); the form
/// carries the token, and a POST is accepted only with a valid token not older than a day. A
/// restart makes old pages' tokens invalid (the page then says to reload).
struct CSRFTokens: Sendable {
    private let key: [UInt8]
    let lifetime: TimeInterval

    init(lifetime: TimeInterval = 24 * 3600) {
        var generator = SystemRandomNumberGenerator()
        key = (0..<64).map { _ in UInt8.random(in: 0...255, using: &generator) }
        self.lifetime = lifetime
    }

    func token(now: Date = Date()) -> String {
        let stamp = String(Int(now.timeIntervalSince1970))
        return "\(stamp).\(hex(Self.hmac(key: key, message: Array(stamp.utf8))))"
    }

    func isValid(_ token: String?, now: Date = Date()) -> Bool {
        guard let token else { return false }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let stamp = Int(parts[0]), parts[1].utf8.count == 64 else { return false }
        let age = now.timeIntervalSince1970 - TimeInterval(stamp)
        guard age >= -60, age <= lifetime else { return false }
        let expected = Array(hex(Self.hmac(key: key, message: Array(parts[0].utf8))).utf8), given = Array(parts[1].utf8)
        // Constant time: every byte compared.
        var difference: UInt8 = 0
        for (a, b) in zip(expected, given) { difference |= a ^ b }
        return difference == 0
    }

    static func hmac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        precondition(key.count <= 64)
        let block = key + [UInt8](repeating: 0, count: 64 - key.count)
        var inner = SHA256()
        inner.update(block.map { $0 ^ 0x36 } + message)
        var outer = SHA256()
        outer.update(block.map { $0 ^ 0x5c } + bytes(hex: inner.finish()))
        return bytes(hex: outer.finish())
    }

    static func bytes(hex: String) -> [UInt8] {
        var out: [UInt8] = [], high: UInt8? = nil
        for c in hex.utf8 {
            let v: UInt8 = c >= 97 ? c - 87 : (c >= 65 ? c - 55 : c - 48)
            if let h = high { out.append(h << 4 | v); high = nil } else { high = v }
        }
        return out
    }
}

func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

/// A random id for a result (128 bits, hex).
func randomID() -> String {
    var generator = SystemRandomNumberGenerator()
    return hex((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
}

/// Which requests may come in: the Host a loopback server answers to (against DNS rebinding),
/// and the Origin of a form post (against cross-site posts, besides the token).
struct RequestGuard: Sendable {
    /// Bound to loopback: only `localhost`, `127.0.0.1` and `[::1]` are valid Host names, and the
    /// names a reverse proxy passes on (`--allowed-host`).
    let loopbackOnly: Bool
    var allowedHosts: [String] = []

    static func hostName(_ host: String) -> String {
        var h = host.lowercased()
        if h.hasPrefix("[") { return String(h.prefix { $0 != "]" }) + "]" }
        if let colon = h.lastIndex(of: ":") { h = String(h[..<colon]) }
        return h
    }

    func hostAllowed(_ host: String?) -> Bool {
        guard let host, !host.isEmpty else { return false }
        guard loopbackOnly else { return true }
        let name = Self.hostName(host)
        return name == "localhost" || name == "[::1]" || name.hasPrefix("127.") || allowedHosts.contains { $0.lowercased() == name }
    }

    /// A POST's Origin (or, without one, its Referer) must be this server as the browser saw it.
    func sameOrigin(origin: String?, referer: String?, host: String?) -> Bool {
        guard let host = host?.lowercased() else { return false }
        func authority(_ url: String) -> String? {
            guard let c = URLComponents(string: url), let h = c.host else { return nil }
            let name = h.contains(":") && !h.hasPrefix("[") ? "[\(h)]" : h
            return (c.port.map { "\(name):\($0)" } ?? name).lowercased()
        }
        func matches(_ a: String) -> Bool {
            // The default port may or may not be written in Host.
            a == host || a + ":80" == host || a + ":443" == host || a == host + ":80" || a == host + ":443"
        }
        if let origin {
            guard origin != "null", let a = authority(origin) else { return false }
            return matches(a)
        }
        if let referer, let a = authority(referer) { return matches(a) }
        // Neither header (some privacy tools strip both): the token alone decides.
        return true
    }
}
