import Foundation

/// Canned replies: one file per snippet under `$XDG_CONFIG_HOME/fora/snippets/`, named by the
/// file name without extension, with `{variable}` placeholders filled in when inserted.
public struct SnippetLibrary: Sendable {
    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    /// The default place: `$XDG_CONFIG_HOME/fora/snippets` (or `~/.config/fora/snippets`).
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> SnippetLibrary {
        let config =
            environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
        return SnippetLibrary(directory: URL(fileURLWithPath: config).appendingPathComponent("fora/snippets"))
    }

    /// Snippet names, sorted; hidden and unreadable files are skipped.
    public func names() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { !$0.hasPrefix(".") }.map { ($0 as NSString).deletingPathExtension }
            .reduce(into: [String]()) { names, name in if !names.contains(name) { names.append(name) } }
            .sorted()
    }

    /// Names starting with `prefix`, for completion.
    public func complete(_ prefix: String) -> [String] { names().filter { $0.hasPrefix(prefix) } }

    /// The snippet's text with its variables filled in; nil when there is no such snippet.
    public func expand(_ name: String, variables: [String: String]) -> String? {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        guard let file = files.first(where: { ($0 as NSString).deletingPathExtension == name }),
            let data = FileManager.default.contents(atPath: directory.appendingPathComponent(file).path)
        else { return nil }
        return Self.substitute(String(decoding: data, as: UTF8.self).trimmingTrailingNewlines(), variables)
    }

    /// Replaces `{name}` for every known variable; unknown placeholders stay as typed, so a
    /// snippet with literal braces (code) is not mangled.
    public static func substitute(_ template: String, _ variables: [String: String]) -> String {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"),
                let value = variables[String(rest[afterOpen..<close])]
            {
                result += value
                rest = rest[rest.index(after: close)...]
            } else {
                result += "{"
                rest = rest[afterOpen...]
            }
        }
        return result + rest
    }
}
