import Foundation

/// Turns `--site NAME|URL`, `FORA_SITE`, the config's `default_site`, the API key flags and
/// environment, and stored credentials into one `SiteConfiguration`. Flags win over the
/// environment, which wins over files.
public struct SiteResolver: Sendable {
    public var config: ConfigFile
    public var credentials: [String: CredentialStore.Entry]
    public var environment: [String: String]

    public init(config: ConfigFile, credentials: [String: CredentialStore.Entry], environment: [String: String]) {
        self.config = config
        self.credentials = credentials
        self.environment = environment
    }

    /// Reads config.toml and credentials.toml from the XDG paths of `environment`.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SiteResolver
    {
        let paths = XDGPaths(environment: environment)
        let config = try ConfigFile.load(path: paths.config + "/config.toml")
        let credentials = try CredentialStore(paths: paths).all()
        return SiteResolver(config: config, credentials: credentials, environment: environment)
    }

    public func resolve(site: String?, apiKey: String?, apiUsername: String?) -> SiteConfiguration? {
        func nonEmpty(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }
        guard let chosen = nonEmpty(site) ?? nonEmpty(environment["FORA_SITE"]) ?? nonEmpty(config.defaultSite)
        else { return nil }
        let named = config.sites[chosen]
        var configuration = SiteConfiguration(
            baseURL: named?.url ?? chosen,
            apiKey: nonEmpty(apiKey) ?? nonEmpty(environment["FORA_API_KEY"]) ?? named?.apiKey,
            apiUsername: nonEmpty(apiUsername) ?? nonEmpty(environment["FORA_API_USERNAME"]) ?? named?.apiUsername)
        configuration.caFile = named?.caFile
        // An unknown name never gets here: loading the file refuses it (`ConfigValidation`).
        configuration.backend = named?.backend.flatMap(BackendKind.init(rawValue:)) ?? .discourse
        configuration.limits = config.network.limits
        if configuration.apiKey == nil, let stored = credentials[CredentialStore.key(configuration.baseURL)] {
            configuration.userAPIKey = stored.userAPIKey
            configuration.userAPIClientID = stored.clientID
            configuration.loginUsername = stored.username
        }
        return configuration
    }
}
