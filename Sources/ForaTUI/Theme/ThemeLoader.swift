import ForaCore
import Foundation

/// Finds a theme by name: the user's `$XDG_CONFIG_HOME/fora/themes/NAME.toml` first, then
/// `$FORA_THEMES_DIR`, then the shipped themes: next to an installed binary in
/// `../share/fora/themes` (`make install` puts them there for any PREFIX), then in each
/// `$XDG_DATA_DIRS/fora/themes` (default /usr/local/share and /usr/share, where a package puts
/// them), then the source tree's `Themes/` when run from `.build`. "default" always resolves,
/// to the compiled-in copy when no file is found.
public enum ThemeLoader {
    public static func load(
        named name: String, environment: [String: String] = ProcessInfo.processInfo.environment,
        executablePath: String = runningExecutablePath()
    ) throws -> Theme {
        guard !name.contains("/"), !name.hasPrefix(".") else {
            throw Theme.ParseError.invalid("theme names are plain words: \(name)")
        }
        for directory in searchPath(environment: environment, executablePath: executablePath) {
            let path = directory + "/" + name + ".toml"
            if let data = FileManager.default.contents(atPath: path) {
                return try Theme.parse(String(decoding: data, as: UTF8.self), name: name)
            }
        }
        if name == "default" { return Theme.fallback }
        throw Theme.ParseError.invalid("no theme named \(name)")
    }

    public static func searchPath(environment: [String: String], executablePath: String) -> [String] {
        var directories = [XDGPaths(environment: environment).config + "/themes"]
        if let dir = environment["FORA_THEMES_DIR"], !dir.isEmpty { directories.append(dir) }
        let executable = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        directories.append(executable.appendingPathComponent("../share/fora/themes").standardized.path)
        for data in dataDirectories(environment: environment) { directories.append(data + "/fora/themes") }
        // A development build lives in <repo>/.build*/<triple>/debug/fora: look up for Themes/.
        var folder = executable
        for _ in 0..<5 {
            folder = folder.deletingLastPathComponent()
            directories.append(folder.appendingPathComponent("Themes").path)
        }
        return directories
    }

    /// `$XDG_DATA_DIRS` (absolute entries only), or the specification's default.
    static func dataDirectories(environment: [String: String]) -> [String] {
        let listed = (environment["XDG_DATA_DIRS"] ?? "").split(separator: ":").map(String.init)
            .filter { $0.hasPrefix("/") }
        return listed.isEmpty ? ["/usr/local/share", "/usr/share"] : listed
    }

    /// The binary's own path: argv[0] is only a bare `fora` when run from `$PATH`, so the
    /// kernel's link is asked first.
    public static func runningExecutablePath() -> String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return CommandLine.arguments.first ?? ""
    }
}
