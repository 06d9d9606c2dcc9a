import Foundation

/// Opens a link outside fora.
public protocol URLOpener {
    /// Nil on success, else the sentence for the status bar.
    func open(_ url: String) -> String?
}

/// `$BROWSER` (its first `:`-separated entry, as the convention has it) or `xdg-open`, started
/// with posix_spawn and the URL as one argv entry: no shell ever sees the URL, so a link
/// cannot run commands. Its output goes to /dev/null so it cannot scribble on the screen.
public struct BrowserOpener: URLOpener {
    private let environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    public var program: String {
        let browser = environment["BROWSER"]?.split(separator: ":").first.map(String.init) ?? ""
        return browser.isEmpty ? "xdg-open" : browser
    }

    public func open(_ url: String) -> String? {
        guard Self.isOpenable(url) else { return "not a web link: \(url)" }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let words: [String] = [program, url]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        let env: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + env { free(pointer) } }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, program, &actions, nil, argv, env)
        guard rc == 0 else { return "cannot start \(program): \(String(cString: strerror(rc)))" }
        // Reap it without blocking the UI thread.
        let child = pid
        Thread.detachNewThread {
            var status: Int32 = 0
            _ = waitpid(child, &status, 0)
        }
        return nil
    }

    /// http, https and mailto only; never something a browser could take for an option.
    public static func isOpenable(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:")
    }
}
