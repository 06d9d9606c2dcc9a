import Foundation

/// Where the community is and who we are there. Flags win over the environment
/// (`FORA_SITE`, `FORA_API_KEY`, `FORA_API_USERNAME`).
public struct SiteConfiguration: Equatable, Sendable {
    public var baseURL: String
    public var apiKey: String?
    public var apiUsername: String?
    /// A User API Key (from `fora login`), sent as `User-Api-Key` with `userAPIClientID`.
    public var userAPIKey: String?
    public var userAPIClientID: String?
    /// The username `fora login` recorded with the User API Key (such a key does not name its
    /// user in its requests).
    public var loginUsername: String?
    /// An extra CA bundle to trust for this site (TLS is always verified).
    public var caFile: String?
    /// How much and how long fora accepts from the site (`[network]` in config.toml).
    public var limits = NetworkLimits()
    /// The platform the site runs (`backend` in its config.toml table).
    public var backend = BackendKind.discourse

    public init(baseURL: String, apiKey: String? = nil, apiUsername: String? = nil) {
        var url = baseURL
        while url.hasSuffix("/") { url.removeLast() }
        self.baseURL = url
        self.apiKey = apiKey
        self.apiUsername = apiUsername
    }

    /// Nil when no site is configured anywhere.
    public static func resolve(
        site: String?, apiKey: String?, apiUsername: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> SiteConfiguration? {
        func nonEmpty(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }
        guard let url = nonEmpty(site) ?? nonEmpty(environment["FORA_SITE"]) else { return nil }
        return SiteConfiguration(
            baseURL: url,
            apiKey: nonEmpty(apiKey) ?? nonEmpty(environment["FORA_API_KEY"]),
            apiUsername: nonEmpty(apiUsername) ?? nonEmpty(environment["FORA_API_USERNAME"]))
    }

    /// The same site, its CA file and limits, without any credentials: for the calls that
    /// must not send a key (the login probe) or send another one.
    public func withoutCredentials() -> SiteConfiguration {
        var site = SiteConfiguration(baseURL: baseURL)
        site.caFile = caFile
        site.limits = limits
        site.backend = backend
        return site
    }

    /// Who the writes act as: the API key's username, else the one `fora login` recorded.
    /// The store's file, the outbox's duplicate checks and the private messages list use it.
    public var accountUsername: String? {
        [apiUsername, loginUsername].compactMap { $0 }.first { !$0.isEmpty }
    }

    /// "127.0.0.1:9" for "http://127.0.0.1:9": what error messages name.
    public var hostAndPort: String {
        var rest = baseURL
        if let range = rest.range(of: "://") { rest = String(rest[range.upperBound...]) }
        return String(rest.prefix { $0 != "/" })
    }

    /// "/t/1.json?x=1" for "http://host:9/t/1.json?x=1"; "/" when there is no path.
    public var path: String {
        var rest = baseURL
        if let range = rest.range(of: "://") { rest = String(rest[range.upperBound...]) }
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }

    public static let missingSiteHint =
        "no site configured: pass --site URL or set FORA_SITE (try the demo: `make demo`, then --site http://127.0.0.1:8766)"
}
