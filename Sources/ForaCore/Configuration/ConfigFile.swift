import Foundation
import TOMLKit

/// `$XDG_CONFIG_HOME/fora/config.toml`: named sites and preferences.
///
/// ```toml
/// default_site = "demo"
/// [sites.demo]
/// url = "http://127.0.0.1:8766"
/// backend = "discourse"       # the platform the site runs (the default; see BackendKind)
/// api_username = "alice"      # with api_key, or a User API Key from `fora login`
/// ca_file = "/etc/ssl/my-ca.pem"
/// [cache]
/// max_topics = 2000           # applied after every `fora sync`
/// max_size_mb = 500
/// [network]
/// max_response_mb = 64        # larger answers are refused (exit 7)
/// timeout = 300               # seconds a request may take in all (exit 7)
/// ```
///
/// Every value is checked at once before use (`ConfigValidation`).
public struct ConfigFile: Codable, Equatable, Sendable {
    public struct Site: Codable, Equatable, Sendable {
        public var url: String
        public var apiKey: String?
        public var apiUsername: String?
        public var caFile: String?
        /// A `BackendKind` raw value; nil means Discourse. Validation refuses unknown names.
        public var backend: String?

        enum CodingKeys: String, CodingKey {
            case url, backend
            case apiKey = "api_key"
            case apiUsername = "api_username"
            case caFile = "ca_file"
        }

        public init(
            url: String, apiKey: String? = nil, apiUsername: String? = nil, caFile: String? = nil,
            backend: String? = nil
        ) {
            self.url = url
            self.apiKey = apiKey
            self.apiUsername = apiUsername
            self.caFile = caFile
            self.backend = backend
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

    /// `[network]`: how much and how long fora accepts from a site.
    public struct Network: Codable, Equatable, Sendable {
        public var maxResponseMB: Int?
        public var timeout: Int?

        enum CodingKeys: String, CodingKey {
            case maxResponseMB = "max_response_mb"
            case timeout
        }

        public init(maxResponseMB: Int? = nil, timeout: Int? = nil) {
            self.maxResponseMB = maxResponseMB
            self.timeout = timeout
        }

        /// The limits these settings give, defaults for what is not set.
        public var limits: NetworkLimits {
            var limits = NetworkLimits()
            if let maxResponseMB { limits.maximumResponseBytes = maxResponseMB * 1024 * 1024 }
            if let timeout { limits.timeoutSeconds = timeout }
            return limits
        }
    }

    public var defaultSite: String?
    public var sites: [String: Site]
    public var theme: String?
    public var editor: String?
    public var cache: CacheLimits
    public var network: Network

    enum CodingKeys: String, CodingKey {
        case sites, theme, editor, cache, network
        case defaultSite = "default_site"
    }

    public init(
        defaultSite: String? = nil, sites: [String: Site] = [:], theme: String? = nil, editor: String? = nil,
        cache: CacheLimits = CacheLimits(), network: Network = Network()
    ) {
        self.defaultSite = defaultSite
        self.sites = sites
        self.theme = theme
        self.editor = editor
        self.cache = cache
        self.network = network
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        defaultSite = try c.decodeIfPresent(String.self, forKey: .defaultSite)
        sites = try c.decodeIfPresent([String: Site].self, forKey: .sites) ?? [:]
        theme = try c.decodeIfPresent(String.self, forKey: .theme)
        editor = try c.decodeIfPresent(String.self, forKey: .editor)
        cache = try c.decodeIfPresent(CacheLimits.self, forKey: .cache) ?? CacheLimits()
        network = try c.decodeIfPresent(Network.self, forKey: .network) ?? Network()
        for (key, value) in [("max_topics", cache.maxTopics), ("max_size_mb", cache.maxSizeMB)] {
            if let value, value < 1 {
                throw ForaError.usage("config.toml: [cache] \(key) must be at least 1 (it is \(value))")
            }
        }
    }

    /// The configuration in `text`, every value checked first; errors name `path`.
    public static func parse(_ text: String, path: String = "config.toml") throws -> ConfigFile {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ForaError.usage("\(path) is not valid TOML: \(error.description) (\(error.source.debugDescription))")
        } catch {
            throw ForaError.usage("\(path) is not valid TOML: \(error)")
        }
        try ConfigValidation.validate(table, path: path)
        do {
            return try TOMLDecoder().decode(ConfigFile.self, from: table)
        } catch let error as ForaError {
            throw error
        } catch {
            throw ForaError.usage("\(path) is not valid: \(error)")
        }
    }

    /// The file at `path`, or an empty configuration when there is none.
    public static func load(path: String) throws -> ConfigFile {
        guard let data = FileManager.default.contents(atPath: path) else { return ConfigFile() }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }
}
