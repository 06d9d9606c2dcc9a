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

    public var defaultSite: String?
    public var sites: [String: Site]
    public var theme: String?
    public var editor: String?

    enum CodingKeys: String, CodingKey {
        case sites, theme, editor
        case defaultSite = "default_site"
    }

    public init(defaultSite: String? = nil, sites: [String: Site] = [:], theme: String? = nil, editor: String? = nil) {
        self.defaultSite = defaultSite
        self.sites = sites
        self.theme = theme
        self.editor = editor
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        defaultSite = try c.decodeIfPresent(String.self, forKey: .defaultSite)
        sites = try c.decodeIfPresent([String: Site].self, forKey: .sites) ?? [:]
        theme = try c.decodeIfPresent(String.self, forKey: .theme)
        editor = try c.decodeIfPresent(String.self, forKey: .editor)
    }

    public static func parse(_ text: String) throws -> ConfigFile {
        do {
            return try TOMLDecoder().decode(ConfigFile.self, from: text)
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
