import TOMLKit

/// Checks every value of config.toml against what fora accepts, before anything uses it, and
/// reports all problems at once: the file's path, the key, the value and what is accepted. A
/// value out of range never reaches a conversion that could trap (a sleep of 2^63 seconds).
public enum ConfigValidation {
    /// What a key accepts.
    public enum Accepts: Sendable {
        case integer(ClosedRange<Int>, unit: String)
        case string
        case bool
        case choice([String])
        /// An http:// or https:// URL with a host.
        case siteURL

        var description: String {
            switch self {
            case .integer(let range, let unit):
                return
                    "a whole number\(unit.isEmpty ? "" : " of \(unit)") from \(range.lowerBound) to \(range.upperBound)"
            case .string: return "a string"
            case .bool: return "true or false"
            case .choice(let values): return values.map { "\"\($0)\"" }.joined(separator: " or ")
            case .siteURL: return "an http:// or https:// URL, e.g. \"https://forum.example.com\""
            }
        }
    }

    /// The ranges fora uses for its numeric settings (the interface clamps to the same ones).
    public enum Ranges {
        public static let refreshSeconds = 0...86_400
        public static let livePollSeconds = 1...86_400
        public static let reviewPollSeconds = 0...86_400
        public static let splitPercent = 20...75
        public static let cacheTopics = 1...10_000_000
        public static let cacheMegabytes = 1...1_048_576
    }

    /// Keys per table ("" is the top level); `[sites.NAME]` tables use `siteKeys`.
    static let keys: [String: [String: Accepts]] = [
        "": ["default_site": .string, "theme": .string, "editor": .string],
        "cache": [
            "max_topics": .integer(Ranges.cacheTopics, unit: "topics"),
            "max_size_mb": .integer(Ranges.cacheMegabytes, unit: "megabytes"),
        ],
        "network": [
            "max_response_mb": .integer(NetworkLimits.responseMegabytesRange, unit: "megabytes"),
            "timeout": .integer(NetworkLimits.timeoutRange, unit: "seconds"),
        ],
        "tui": [
            "theme": .string, "layout": .choice(["automatic", "single"]),
            "split": .integer(Ranges.splitPercent, unit: "percent"), "mouse": .bool, "live": .bool,
            "live-poll": .integer(Ranges.livePollSeconds, unit: "seconds"),
            "refresh": .integer(Ranges.refreshSeconds, unit: "seconds (0: never)"), "site-drafts": .bool,
        ],
        "review": ["poll": .integer(Ranges.reviewPollSeconds, unit: "seconds (0: never)")],
    ]
    static let siteKeys: [String: Accepts] = [
        "url": .siteURL, "api_key": .string, "api_username": .string, "ca_file": .string,
        "backend": .choice(BackendKind.allCases.map(\.rawValue)),
    ]

    /// One line per invalid value, e.g. `[tui] refresh = "soon": expected a whole number…`.
    public static func problems(in table: TOMLTable) -> [String] {
        var problems: [String] = []
        for (name, accepted) in keys.sorted(by: { $0.key < $1.key }) {
            let section: TOMLTable?
            if name.isEmpty {
                section = table
            } else if let value = table[name] {
                guard let inner = value.table else {
                    problems.append("[\(name)] must be a table")
                    continue
                }
                section = inner
            } else {
                section = nil
            }
            guard let section else { continue }
            problems += check(section, accepted: accepted, label: name.isEmpty ? "" : "[\(name)] ")
        }
        if let sites = table["sites"] {
            if let sites = sites.table {
                for name in sites.keys.sorted() {
                    guard let site = sites[name]?.table else {
                        problems.append("[sites.\(name)] must be a table")
                        continue
                    }
                    problems += check(site, accepted: siteKeys, label: "[sites.\(name)] ")
                    if site["url"] == nil { problems.append("[sites.\(name)] has no url") }
                }
            } else {
                problems.append("sites must be a table of [sites.NAME] tables")
            }
        }
        return problems
    }

    /// Throws one usage error listing every problem of the file at `path`.
    public static func validate(_ table: TOMLTable, path: String) throws {
        let found = problems(in: table)
        guard !found.isEmpty else { return }
        let heading = found.count == 1 ? "an invalid value" : "\(found.count) invalid values"
        throw ForaError.usage("\(path) has \(heading):\n  " + found.joined(separator: "\n  "))
    }

    private static func check(_ section: TOMLTable, accepted: [String: Accepts], label: String) -> [String] {
        var problems: [String] = []
        for (key, accepts) in accepted.sorted(by: { $0.key < $1.key }) {
            guard let value = section[key] else { continue }
            if !isAccepted(value, accepts) {
                problems.append(
                    "\(label)\(key) = \(PrintableText.oneLine(value.tomlValue.debugDescription, limit: 60)): expected \(accepts.description)"
                )
            }
        }
        return problems
    }

    private static func isAccepted(_ value: any TOMLValueConvertible, _ accepts: Accepts) -> Bool {
        switch accepts {
        case .integer(let range, _):
            guard value.type == .int, let number = value.int else { return false }
            return range.contains(number)
        case .string: return value.type == .string
        case .bool: return value.type == .bool
        case .choice(let values): return value.string.map(values.contains) ?? false
        case .siteURL: return value.string.map(isSiteURL) ?? false
        }
    }

    /// Whether `text` is an http:// or https:// URL with a host and nothing that cannot be in a URL.
    public static func isSiteURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") {
            rest = lower.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            rest = lower.dropFirst(7)
        } else {
            return false
        }
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let host = authority.split(separator: "@").last.map { $0.split(separator: ":").first ?? "" } ?? ""
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-._~%!$&'()*+,;=:@/?#[]")
        return !host.isEmpty && lower.allSatisfy { allowed.contains($0) }
    }
}
