import ForaCore
import Foundation

/// Which redirects fora follows. libcurl's own following is off, because it would re-send the
/// key headers to whatever host a redirect names; fora follows a redirect itself only for a read
/// and only within the origin (scheme, host, port) the request was made to. Anything else ends
/// the request with an error naming where the redirect pointed.
enum RedirectPolicy {
    struct Origin: Equatable {
        var scheme: String
        var host: String
        var port: Int
    }

    static func origin(of url: String) -> Origin? {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            let host = components.host?.lowercased(), !host.isEmpty
        else { return nil }
        let port = components.port ?? (scheme == "https" ? 443 : scheme == "http" ? 80 : -1)
        return Origin(scheme: scheme, host: host, port: port)
    }

    /// The request to make next when `response` redirects, nil when it does not; throws
    /// `ForaError.redirectRefused` for a redirect fora will not follow. `original` is the request
    /// as first made: its origin is the only one a redirect may stay within.
    static func next(after response: HTTPResponse, to current: HTTPRequest, original: HTTPRequest) throws
        -> HTTPRequest?
    {
        guard [301, 302, 303, 307, 308].contains(response.status) else { return nil }
        guard let location = response.headers["location"], !location.isEmpty else { return nil }
        let target =
            URL(string: location, relativeTo: URL(string: current.url))?.absoluteString ?? location
        let shownTarget = shown(target)
        let what = "\(current.method) \(shown(current.endpoint))"
        guard ["GET", "HEAD"].contains(current.method) else {
            throw ForaError.redirectRefused(
                "the site answered \(what) with a redirect (\(response.status)) to \(shownTarget); "
                    + "fora never follows a redirect for a write, so it may not have been applied: check the site")
        }
        guard let from = origin(of: original.url), let to = origin(of: target), from == to else {
            let site = origin(of: original.url).map { "\($0.scheme)://\($0.host):\($0.port)" } ?? "the site"
            throw ForaError.redirectRefused(
                "the site answered \(what) with a redirect (\(response.status)) to \(shownTarget), "
                    + "outside \(site); fora sends its key only to the configured site and did not follow it "
                    + "(if the site has moved, set its url to the new address)")
        }
        var next = current
        next.url = target
        if response.status == 303 {
            next.method = "GET"
            next.body = nil
        }
        return next
    }

    /// A URL from the server as a message may show it: controls percent-encoded, at most 200
    /// characters.
    static func shown(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}"
                || scalar == "\u{2029}"
            {
                for byte in String(scalar).utf8 { result += String(format: "%%%02X", byte) }
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result.count > 200 ? result.prefix(197) + "..." : result
    }
}
