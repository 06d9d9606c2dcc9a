import DiscourseBackend
import ForaCore
import ForaNet
import Foundation

/// `fora doctor`'s network part: one cheap request to each configured site, with a short
/// timeout and no retries, so an unreachable site is reported in seconds.
enum DoctorSiteChecks {
    /// Every `[sites.NAME]` of config.toml, and the site of `--site`/`FORA_SITE` when it is another.
    static func sites(resolver: SiteResolver, chosen: String?) -> [(name: String, site: SiteConfiguration)] {
        var names = resolver.config.sites.keys.sorted()
        if let chosen = chosen ?? resolver.environment["FORA_SITE"], !chosen.isEmpty, !names.contains(chosen) {
            names.append(chosen)
        }
        return names.compactMap { name in
            resolver.resolve(site: name, apiKey: nil, apiUsername: nil).map { (name, $0) }
        }
    }

    static func reach(name: String, site: SiteConfiguration, timeoutSeconds: Int = 10) async -> DoctorCheck {
        var configuration = HTTPClientConfiguration()
        configuration.connectTimeoutMilliseconds = min(5_000, timeoutSeconds * 1_000)
        configuration.totalTimeoutSeconds = timeoutSeconds
        configuration.retry.maximumRetries = 0
        configuration.retry.maximumRateLimitRetries = 0
        configuration.caFile = site.caFile
        let service = DiscourseService(site: site, client: HTTPClient(configuration: configuration), pacing: .off)
        let label = name == site.baseURL ? name : "\(name) (\(site.baseURL))"
        let started = Date()
        do {
            let info = try await service.siteInfo()
            let milliseconds = Int(Date().timeIntervalSince(started) * 1_000)
            return .ok("site", "\(label) answers in \(milliseconds) ms: \(info.title)")
        } catch let error as ForaError {
            return .problem("site", "\(label): \(error.message)", fix: fix(for: error, site: site))
        } catch {
            return .problem("site", "\(label): \(error)", fix: "check the address and try again")
        }
    }

    private static func fix(for error: ForaError, site: SiteConfiguration) -> String {
        switch error {
        case .tls:
            "if the site uses a private CA, set ca_file in its [sites.NAME] table (fora never skips verification)"
        case .dns, .hostUnreachable:
            "check the url in config.toml and the network (proxy, VPN, firewall)"
        case .notFound, .malformedResponse:
            "\(site.baseURL) does not look like a Discourse site: check the url"
        case .notLoggedIn, .forbidden:
            "the site needs a login: `fora login --site \(site.baseURL)`"
        case .rateLimited:
            "the site is limiting requests: wait a minute and try again"
        default:
            "try again later; if it persists, tell the site's administrators"
        }
    }
}
