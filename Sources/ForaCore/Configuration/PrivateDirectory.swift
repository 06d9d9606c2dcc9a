import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Directories only their owner may enter: fora's data (the store: private messages, drafts,
/// the review queue), state and config directories, and the one that holds `$EDITOR` drafts.
public enum PrivateDirectory {
    /// Makes `path` a directory of mode 0700 owned by this user: created when missing (its
    /// missing parents with the usual mode), tightened when it is more open. Refuses a symbolic
    /// link or a directory owned by someone else (another user could read what goes in).
    public static func ensure(_ path: String) throws {
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, !FileManager.default.fileExists(atPath: parent) {
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw ForaError.other("cannot create \(parent): \(error.localizedDescription)")
            }
        }
        if mkdir(path, 0o700) != 0, errno != EEXIST {
            throw ForaError.other("cannot create \(path): \(String(cString: strerror(errno)))")
        }
        try tighten(path)
    }

    /// Tightens `path` to 0700 when it exists (a directory made by an earlier fora, or by hand).
    public static func tightenIfPresent(_ path: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        try tighten(path)
    }

    private static func tighten(_ path: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            throw ForaError.other("cannot inspect \(path): \(String(cString: strerror(errno)))")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw ForaError.other("\(path) is not a directory (a symbolic link is not accepted); move it aside")
        }
        guard info.st_uid == geteuid() else {
            throw ForaError.other("\(path) belongs to another user; fora keeps private data only in its own")
        }
        if info.st_mode & 0o077 != 0, chmod(path, 0o700) != 0 {
            throw ForaError.other("cannot make \(path) private: \(String(cString: strerror(errno)))")
        }
    }
}

/// Files only their owner may read.
public enum PrivateFile {
    /// Creates `path` empty with mode 0600 when missing (never through a symbolic link), and
    /// tightens it and `extras` (existing companions such as SQLite's `-wal` and `-shm`) to
    /// 0600 when they are more open. SQLite gives a database's WAL and shared memory the
    /// main file's mode, so a store made this way stays private.
    public static func prepare(_ path: String, companions extras: [String] = []) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw ForaError.other("cannot open \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & 0o077 != 0 { fchmod(fd, 0o600) }
        for extra in [path] + extras {
            var other = stat()
            if lstat(extra, &other) == 0, other.st_mode & S_IFMT == S_IFREG, other.st_mode & 0o077 != 0 {
                chmod(extra, 0o600)
            }
        }
    }
}
