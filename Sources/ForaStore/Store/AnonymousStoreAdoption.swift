import ForaCore
import Foundation

/// Before fora recorded who logged in with `fora login`, such an account had no username and
/// its store was `anonymous@host.sqlite`, shared with anonymous reading. Once the username is
/// known, that store (its unsent writes and drafts are the account's) moves to the account's
/// own file, the first time the account's store is opened.
extension StoreLocation {
    /// Moves `anonymous@host.sqlite` (with its WAL and shared memory) to `username`'s path when
    /// the account has no store yet. Returns what was done, for the user, or nil.
    public static func adoptAnonymousStore(baseURL: String, username: String, paths: XDGPaths = XDGPaths()) throws
        -> String?
    {
        guard !username.isEmpty else { return nil }
        let target = databasePath(baseURL: baseURL, username: username, paths: paths)
        let anonymous = databasePath(baseURL: baseURL, username: nil, paths: paths)
        let files = FileManager.default
        guard target != anonymous, !files.fileExists(atPath: target), files.fileExists(atPath: anonymous) else {
            return nil
        }
        do {
            try files.moveItem(atPath: anonymous, toPath: target)
            for suffix in ["-wal", "-shm"] where files.fileExists(atPath: anonymous + suffix) {
                try files.moveItem(atPath: anonymous + suffix, toPath: target + suffix)
            }
        } catch {
            throw StoreError.database(
                "cannot move \(anonymous) to \(target) (the store of \(username), made before fora recorded"
                    + " usernames): \(error.localizedDescription); move it by hand")
        }
        return "the store made before fora recorded your username (\((anonymous as NSString).lastPathComponent))"
            + " is now \((target as NSString).lastPathComponent)"
    }
}
