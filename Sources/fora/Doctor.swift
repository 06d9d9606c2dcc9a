import ArgumentParser
import ForaCore
import ForaTUI
import Foundation

/// `fora doctor`: checks what fora depends on (terminal, config.toml, credentials, stores,
/// each site) and says what is wrong and how to fix it. Exit code 1 when something is.
struct Doctor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the terminal, configuration, credentials, local store and sites.",
        discussion: "Prints each check with what to do about it; exits 1 when any is a problem "
            + "(warnings do not count). --offline skips the sites.")
    @OptionGroup var globals: GlobalOptions

    mutating func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var checks = DoctorLocalChecks.terminal(environment: environment)
        checks += DoctorLocalChecks.configuration(
            environment: environment, executablePath: ThemeLoader.runningExecutablePath())
        checks += DoctorLocalChecks.credentials(environment: environment)
        checks += DoctorLocalChecks.stores(environment: environment)
        if !globals.offline, let resolver = try? SiteResolver.load(environment: environment) {
            let sites = DoctorSiteChecks.sites(resolver: resolver, chosen: globals.site)
            if sites.isEmpty {
                checks.append(.ok("site", "no site configured (config.toml [sites.NAME], --site or FORA_SITE)"))
            }
            for (name, site) in sites { checks.append(await DoctorSiteChecks.reach(name: name, site: site)) }
        }
        let healthy = !checks.contains { $0.status == .problem }
        if globals.json {
            try Output.json(["ok": healthy, "checks": checks.map(\.json)])
        } else {
            for line in Self.text(checks) { Output.line(line) }
        }
        if !healthy { throw ExitCode(1) }
    }

    /// `status  area  detail`, then `fix: …` under the detail; everything sanitised, since
    /// site titles and file names come from elsewhere.
    static func text(_ checks: [DoctorCheck]) -> [String] {
        checks.flatMap { check -> [String] in
            let head =
                check.status.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
                + check.area.padding(toLength: 12, withPad: " ", startingAt: 0)
            var lines = [head + Output.clean(check.detail)]
            if let fix = check.fix { lines.append(String(repeating: " ", count: 20) + "fix: " + Output.clean(fix)) }
            return lines
        }
    }
}
