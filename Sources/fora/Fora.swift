import ArgumentParser
import ForaCore
import ForaNet
import ForaTUI
import Foundation

/// Options every command shares: where the community is and who we are.
struct SiteOptions: ParsableArguments {
    @Option(help: "The community's base URL (or FORA_SITE).") var site: String?
    @Option(help: "An API key (or FORA_API_KEY). Never logged.") var apiKey: String?
    @Option(help: "The username the API key acts as (or FORA_API_USERNAME).") var apiUsername: String?

    /// The configured site, or a usage error that says how to get one.
    func configuration() throws -> SiteConfiguration {
        guard let configuration = SiteConfiguration.resolve(site: site, apiKey: apiKey, apiUsername: apiUsername) else {
            throw CommandFailure(ForaError.usage(SiteConfiguration.missingSiteHint))
        }
        return configuration
    }
}

/// Prints a ForaError's message on stderr and exits with its code.
struct CommandFailure: Error {
    let error: ForaError
    init(_ error: ForaError) { self.error = error }
}

@main
struct Fora: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fora",
        abstract: "A terminal client for community forums.",
        version: "fora \(ForaVersion.current)",
        subcommands: [Latest.self])

    @OptionGroup var siteOptions: SiteOptions

    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data("fora: \(failure.error.message)\n".utf8))
            Foundation.exit(failure.error.exitCode)
        } catch let error as ForaError {
            FileHandle.standardError.write(Data("fora: \(error.message)\n".utf8))
            Foundation.exit(error.exitCode)
        } catch {
            exit(withError: error)
        }
    }

    @MainActor
    mutating func run() async throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CommandFailure(
                .usage("not a terminal: the interactive client needs one (try `fora latest` or `fora --help`)"))
        }
        let site = try siteOptions.configuration()
        let client = HTTPClient()
        let headers = ["Api-Key": site.apiKey, "Api-Username": site.apiUsername].compactMapValues { $0 }
        let reader = DiscourseReaderSource { path in
            try await client.fetch(HTTPRequest(url: site.baseURL + path, headers: headers)).body
        }
        // Stopgap until CommunityService has the review calls (issue 8).
        let review = DiscourseReviewSource { method, path in
            try await client.fetch(HTTPRequest(method: method, url: site.baseURL + path, headers: headers)).body
        }
        let app = ForaApp(
            service: DiscourseService(site: site, client: client), siteTitle: site.baseURL, readerSource: reader,
            reviewSource: review)
        let status = app.run()
        if status != 0 { throw ExitCode(status) }
    }
}
