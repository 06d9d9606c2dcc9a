// Durable, atomic replacement of a file: write a temporary file, flush it, rename it over.
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replaces a file so that a crash at any moment leaves either the old or the new content,
/// never a mix: the bytes go to a temporary file in the same directory, are flushed to disk
/// (`fsync`), and `rename(2)` swaps it in; the directory is flushed too so the rename survives.
enum AtomicFile {
    struct WriteError: Error, CustomStringConvertible {
        var path: String
        var operation: String
        var code: Int32
        var description: String { "could not \(operation) \(path): \(String(cString: strerror(code)))" }
    }

    static func replace(_ url: URL, with bytes: Data) throws {
        let path = url.path
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw WriteError(path: temporary, operation: "create", code: errno) }
        var closed = false
        defer { if !closed { close(descriptor) } }
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress?.advanced(by: offset), buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw WriteError(path: temporary, operation: "write", code: errno)
                }
                offset += written
            }
        }
        guard fsync(descriptor) == 0 else { throw WriteError(path: temporary, operation: "flush", code: errno) }
        closed = true
        guard close(descriptor) == 0 else { throw WriteError(path: temporary, operation: "close", code: errno) }
        guard rename(temporary, path) == 0 else { throw WriteError(path: path, operation: "replace", code: errno) }
        let directory = open(url.deletingLastPathComponent().path, O_RDONLY)
        if directory >= 0 {
            _ = fsync(directory)
            close(directory)
        }
    }
}
