import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Files only the owner may read (credentials, the install's client id), replaced whole.
public enum SecureFile {
    /// Writes `data` to a fresh temporary file beside `path`, created 0600 with
    /// `O_EXCL|O_NOFOLLOW` (never an existing file nor a link someone planted), synced to
    /// disk, renamed over `path`, then the directory synced: after a crash or power cut the
    /// file is the old one or the new one, never torn or empty. The directory is made (or
    /// tightened to) 0700.
    public static func write(_ data: Data, to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        try PrivateDirectory.ensure(directory)
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw ForaError.other("cannot write \(path): \(String(cString: strerror(errno)))") }
        let complete = writeAll(fd, data) && fsync(fd) == 0
        close(fd)
        guard complete, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw ForaError.other("cannot write \(path): \(reason)")
        }
        let directoryFD = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryFD >= 0 {
            fsync(directoryFD)
            close(directoryFD)
        }
    }

    /// Writes all of `data` to `fd`, through short writes and interruptions.
    public static func writeAll(_ fd: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(fd, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }
}
