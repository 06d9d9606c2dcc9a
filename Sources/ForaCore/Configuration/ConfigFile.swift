import Foundation
import TOMLKit

/// `$XDG_CONFIG_HOME/fora/config.toml`: named sites and preferences.
///
/// ```toml
/// default_site = "demo"
/// [sites.demo]
/// url = "http://127.0.0.1:8766"
/// api_username = "alice"      # with api_key, or a User API Key from `fora login`
/// ca_file = "/etc/ssl/my-ca.pem"
/// [cache]
/// max_topics = 2000           # applied after every `fora sync`
/// max_size_mb = 500
/// ```
public struct ConfigFile: Codable, Equatable, Sendable {
    public struct Site: Codable, Equatable, Sendable {
        public var url: String
        public var apiKey: String?
        public var apiUsername: String?
        public var caFile: String?

        enum CodingKeys: String, CodingKey {
            case url
            case apiKey = "api_key"
            case apiUsername = "api_username"
            case caFile = "ca_file"
        }

        public init(url: String, apiKey: String? = nil, apiUsername: String? = nil, caFile: String? = nil) {
            self.url = url
            self.apiKey = apiKey
            self.apiUsername = apiUsername
            self.caFile = caFile
        }
    }

    /// How big the local store may grow: after each sync the least recently read topics are
    /// evicted down to these limits (never drafts, unsent writes or bookmarked topics).
    public struct CacheLimits: Codable, Equatable, Sendable {
        public var maxTopics: Int?
        public var maxSizeMB: Int?

        enum CodingKeys: String, CodingKey {
            case maxTopics = "max_topics"
            case maxSizeMB = "max_size_mb"
        }

        public init(maxTopics: Int? = nil, maxSizeMB: Int? = nil) {
            self.maxTopics = maxTopics
            self.maxSizeMB = maxSizeMB
        }
    }

    public var defaultSite: String?
    public var sites: [String: Site]
    public var theme: String?
    public var editor: String?
    public var cache: CacheLimits

    enum CodingKeys: String, CodingKey {
        case sites, theme, editor, cache
        case defaultSite = "default_site"
    }

    public init(
        defaultSite: String? = nil, sites: [String: Site] = [:], theme: String? = nil, editor: String? = nil,
        cache: CacheLimits = CacheLimits()
    ) {
        self.defaultSite = defaultSite
        self.sites = sites
        self.theme = theme
        self.editor = editor
        self.cache = cache
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        defaultSite = try c.decodeIfPresent(String.self, forKey: .defaultSite)
        sites = try c.decodeIfPresent([String: Site].self, forKey: .sites) ?? [:]
        theme = try c.decodeIfPresent(String.self, forKey: .theme)
        editor = try c.decodeIfPresent(String.self, forKey: .editor)
        cache = try c.decodeIfPresent(CacheLimits.self, forKey: .cache) ?? CacheLimits()
        for (key, value) in [("max_topics", cache.maxTopics), ("max_size_mb", cache.maxSizeMB)] {
            if let value, value < 1 {
                throw ForaError.usage("config.toml: [cache] \(key) must be at least 1 (it is \(value))")
            }
        }
    }

    public static func parse(_ text: String) throws -> ConfigFile {
        do {
            return try TOMLDecoder().decode(ConfigFile.self, from: text)
        } catch let error as ForaError {
            throw error
        } catch {
            throw ForaError.usage("config.toml is not valid: \(error)")
        }
    }

    /// The file at `path`, or an empty configuration when there is none.
    public static func load(path: String) throws -> ConfigFile {
        guard let data = FileManager.default.contents(atPath: path) else { return ConfigFile() }
        return try parse(String(decoding: data, as: UTF8.self))
    }
}
