import ArgumentParser
import DiscourseBackend
import ForaCore
import ForaNet
import Foundation

/// Options every command shares. They may stand before or after the command name:
/// `GlobalArguments.reorder` moves those before it to after it before parsing.
struct GlobalOptions: ParsableArguments {
    @Option(help: "The community: a name from config.toml or a base URL (or FORA_SITE).") var site: String?
    @Option(help: "An API key (or FORA_API_KEY). Never logged.") var apiKey: String?
    @Option(help: "The username the API key acts as (or FORA_API_USERNAME).") var apiUsername: String?
    @Flag(help: "Print JSON for scripts instead of text for people.") var json = false
    @Flag(help: "Read only from the local cache, never the network.") var offline = false
    @Option(help: "The colour theme of the interactive client.") var theme: String?
    @Flag(help: "Linear mode for screen readers and braille displays (or FORA_SCREEN_READER=1).")
    var screenReader = false

    /// The configured site, or a usage error that says how to get one.
    func configuration() throws -> SiteConfiguration {
        let resolver: SiteResolver
        do {
            resolver = try SiteResolver.load()
        } catch let error as ForaError {
            throw CommandFailure(error)
        }
        guard let configuration = resolver.resolve(site: site, apiKey: apiKey, apiUsername: apiUsername) else {
            throw CommandFailure(ForaError.usage(SiteConfiguration.missingSiteHint))
        }
        guard ConfigValidation.isSiteURL(configuration.baseURL) else {
            let given = PrintableText.oneLine(configuration.baseURL, limit: 80)
            throw CommandFailure(
                .usage(
                    "\"\(given)\" is neither a site named in config.toml nor an http:// or https:// URL "
                        + "(e.g. --site https://forum.example.com)"))
        }
        return configuration
    }

    /// The `[cache]` limits of config.toml (none when there is no file).
    func cacheLimits() throws -> ConfigFile.CacheLimits {
        do {
            return try SiteResolver.load().config.cache
        } catch let error as ForaError {
            throw CommandFailure(error)
        }
    }

    /// A service for the configured site whose waits (pacing, 429s, retries) are reported on
    /// stderr, so a script's stdout stays clean.
    func service() throws -> DiscourseService {
        if offline {
            throw CommandFailure(
                .usage("--offline needs the local cache, which this command cannot read yet; drop --offline"))
        }
        let site = try configuration()
        // The one place the CLI picks a backend folder by the site's `backend` key.
        let service: DiscourseService
        switch site.backend {
        case .discourse: service = DiscourseService(site: site)
        }
        service.client.observe { event in
            Output.error("fora: \(event.message)")
        }
        return service
    }
}

/// Moves global options written before the command name to after it, so
/// `fora --site X read 12` parses like `fora read 12 --site X`.
enum GlobalArguments {
    static let valued: Set<String> = ["--site", "--api-key", "--api-username", "--theme"]
    static let flags: Set<String> = ["--json", "--offline", "--screen-reader"]

    static func reorder(_ arguments: [String], commands: Set<String>) -> [String] {
        var moved: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if commands.contains(argument) {
                return [argument] + moved + arguments[(index + 1)...]
            }
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            if valued.contains(name) {
                moved.append(argument)
                if !argument.contains("="), index + 1 < arguments.count {
                    moved.append(arguments[index + 1])
                    index += 1
                }
            } else if flags.contains(argument) {
                moved.append(argument)
            } else {
                return arguments  // something else first (--help, --version): leave as it is
            }
            index += 1
        }
        return arguments
    }
}

/// Runs a service call, turning its ForaError into the command's exit.
func withFailures<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as ForaError {
        throw CommandFailure(error)
    }
}
