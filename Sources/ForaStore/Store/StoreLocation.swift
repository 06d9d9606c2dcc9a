import ForaCore
import Foundation

/// Where an account's database lives: `$XDG_DATA_HOME/fora/<username>@<host>.sqlite`. Data,
/// not cache, because the outbox holds unsent work that users must not wipe by accident.
public enum StoreLocation {
    /// The database path for `username` on the site at `baseURL` (anonymous reading gets its
    /// own file).
    public static func databasePath(baseURL: String, username: String?, paths: XDGPaths = XDGPaths()) -> String {
        paths.data + "/" + fileName(baseURL: baseURL, username: username)
    }

    static func fileName(baseURL: String, username: String?) -> String {
        let host = URL(string: baseURL).flatMap { url -> String? in
            guard let host = url.host else { return nil }
            return url.port.map { "\(host)_\($0)" } ?? host
        }
        let user = (username?.isEmpty == false ? username : nil) ?? "anonymous"
        return sanitized(user) + "@" + sanitized(host ?? baseURL) + ".sqlite"
    }

    /// Keeps letters, digits and `._-`; anything else (slashes above all) becomes `_`.
    static func sanitized(_ text: String) -> String {
        String(
            text.map { character -> Character in
                character.isLetter || character.isNumber || "._-".contains(character) ? character : "_"
            })
    }
}
