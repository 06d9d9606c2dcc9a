import Foundation
import TOMLKit

/// `$XDG_CONFIG_HOME/fora/credentials.toml` (mode 0600, never logged): the User API Keys
/// `fora login` obtained, one table per site URL.
public struct CredentialStore: Sendable {
    public struct Entry: Codable, Equatable, Sendable {
        public var userAPIKey: String
        public var clientID: String
        public var username: String?

        enum CodingKeys: String, CodingKey {
            case userAPIKey = "user_api_key"
            case clientID = "client_id"
            case username
        }

        public init(userAPIKey: String, clientID: String, username: String? = nil) {
            self.userAPIKey = userAPIKey
            self.clientID = clientID
            self.username = username
        }
    }

    struct FileContents: Codable {
        var sites: [String: Entry]
        init(sites: [String: Entry]) { self.sites = sites }
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            sites = try c.decodeIfPresent([String: Entry].self, forKey: .sites) ?? [:]
        }
    }

    public let path: String

    public init(path: String) { self.path = path }

    public init(paths: XDGPaths) { path = paths.config + "/credentials.toml" }

    public func all() throws -> [String: Entry] {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        do {
            return try TOMLDecoder().decode(FileContents.self, from: String(decoding: data, as: UTF8.self)).sites
        } catch {
            throw ForaError.usage("\(path) is not valid TOML: \(error)")
        }
    }

    public func entry(for siteURL: String) throws -> Entry? { try all()[Self.key(siteURL)] }

    public func save(_ entry: Entry, for siteURL: String) throws {
        var sites = try all()
        sites[Self.key(siteURL)] = entry
        try write(sites)
    }

    public func remove(siteURL: String) throws {
        var sites = try all()
        sites[Self.key(siteURL)] = nil
        try write(sites)
    }

    /// Written through `SecureFile`: created 0600 beside the file, synced, renamed: the secret
    /// is never readable by others, not even for a moment, and never half-written.
    private func write(_ sites: [String: Entry]) throws {
        let text: String = try TOMLEncoder().encode(FileContents(sites: sites))
        try SecureFile.write(Data(text.utf8), to: path)
    }

    static func key(_ siteURL: String) -> String {
        var url = siteURL
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }
}
