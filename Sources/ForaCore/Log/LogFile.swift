import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// `$XDG_STATE_HOME/fora/fora.log`: what went wrong with the network and the site, for the
/// user to read later (the interface never prints logs to the terminal). Mode 0600 in a 0700
/// directory, rotated to `fora.log.1` past `maximumBytes`. Lines carry no credentials (keys
/// travel in headers, which are never logged) and no control characters (a server's text may
/// be in them, and `cat fora.log` must not obey it).
public final class LogFile: @unchecked Sendable {
    public let path: String
    public let maximumBytes: Int
    private let lock = NSLock()

    public init(path: String, maximumBytes: Int = 1_048_576) {
        self.path = path
        self.maximumBytes = maximumBytes
    }

    /// The log of `paths`: `state/fora.log`.
    public convenience init(paths: XDGPaths) {
        self.init(path: paths.state + "/fora.log")
    }

    /// Appends one line; failures to write are ignored (a log must never stop fora).
    public func write(level: Logger.Level, label: String, message: String, date: Date = Date()) {
        let stamp = ISO8601DateFormatter().string(from: date)
        let line = "\(stamp) \(level) \(label): \(PrintableText.oneLine(message))\n"
        lock.withLock {
            let directory = (path as NSString).deletingLastPathComponent
            if mkdir(directory, 0o700) != 0 && errno == ENOENT {
                try? FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            }
            rotateIfNeeded()
            let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
            guard fd >= 0 else { return }
            defer { close(fd) }
            _ = fchmod(fd, 0o600)
            let bytes = Array(line.utf8)
            _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        }
    }

    private func rotateIfNeeded() {
        var info = stat()
        guard lstat(path, &info) == 0, Int(info.st_size) >= maximumBytes else { return }
        _ = rename(path, path + ".1")
    }
}

/// fora's loggers. They write to the log file once `ForaLog.start` has named one, and drop
/// everything before (tests, and any library use without a log).
public enum ForaLog {
    private static let sink = Sink()

    /// Sends every `ForaLog` logger's messages at `level` and above to `file`.
    public static func start(_ file: LogFile, level: Logger.Level = .info) {
        sink.set(file, level: level)
    }

    /// A logger labelled `label` ("fora.net"), writing to the started log file.
    public static func logger(_ label: String) -> ForaLogger {
        ForaLogger(logger: Logger(label: label) { label in FileLogHandler(label: label, sink: sink) })
    }

    final class Sink: @unchecked Sendable {
        private let lock = NSLock()
        private var file: LogFile?
        private var level: Logger.Level = .info

        func set(_ file: LogFile, level: Logger.Level) {
            lock.withLock {
                self.file = file
                self.level = level
            }
        }

        func write(level: Logger.Level, label: String, message: String) {
            let target = lock.withLock { level >= self.level ? file : nil }
            target?.write(level: level, label: label, message: message)
        }
    }

    struct FileLogHandler: LogHandler {
        let label: String
        let sink: Sink
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            sink.write(level: event.level, label: label, message: "\(event.message)")
        }
    }
}

/// A swift-log `Logger` with the few calls fora makes, so modules log without importing
/// swift-log themselves.
public struct ForaLogger: Sendable {
    let logger: Logger

    public func info(_ message: String) { logger.info("\(message)") }
    public func warning(_ message: String) { logger.warning("\(message)") }
    public func error(_ message: String) { logger.error("\(message)") }
}
