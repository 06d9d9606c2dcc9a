import ArgumentParser
import ForaCore
import ForaStore
import Foundation

/// `fora stats`: the community's health from the local store (after `fora sync`): answer and
/// solution rates, time to first response, unanswered topics by age, and who answers.
/// Online, a staff account also gets the site's own admin reports beside the cache's figures.
struct Stats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Community health from the cache: answer rate, first response, unanswered ageing, answerers.",
        discussion: """
            Counts what `fora sync` stored: regular topics (not messages) whose first post is not \
            deleted, created in the period, and their regular, undeleted posts written by its end. \
            --since and --until take a date (2026-11-01), an ISO 8601 time, or an age back from the \
            end (30d, 12w, 6m, 1y). With --offline the network is never used.
            """)
    @OptionGroup var globals: GlobalOptions
    @Option(help: "Only this category and its subcategories (its slug or id).") var category: String?
    @Option(help: "Count topics created from this time on.") var since: String?
    @Option(help: "Count up to this time (default: now).") var until: String?

    mutating func run() async throws {
        let site = try globals.configuration()
        let store = try StoreAccess.open(site)
        let nowMs = Int64(Date().timeIntervalSince1970 * 1000)
        guard let untilMs = until.map({ HealthDateArgument.parse($0, relativeTo: nowMs) }) ?? nowMs else {
            throw CommandFailure(.usage("--until \(until ?? ""): use a date (2026-11-01), a time, or an age (30d)"))
        }
        var sinceMs: Int64?
        if let since {
            guard let parsed = HealthDateArgument.parse(since, relativeTo: untilMs) else {
                throw CommandFailure(.usage("--since \(since): use a date (2026-11-01), a time, or an age (30d)"))
            }
            sinceMs = parsed
        }
        if let sinceMs, sinceMs > untilMs {
            throw CommandFailure(.usage("--since is after --until: the period is empty"))
        }
        let categories = try await StoreAccess.run { try store.categories() }
        var categoryID: Int?
        if let category {
            guard let found = categories.first(where: { $0.slug == category || String($0.id) == category }) else {
                throw CommandFailure(.notFound("no category \"\(category)\" in the cache (see `fora categories`)"))
            }
            categoryID = found.id
        }
        let scope = HealthScope(sinceMs: sinceMs, untilMs: untilMs, categoryID: categoryID)
        let health = try await StoreAccess.run { try store.communityHealth(scope) }
        let names = Dictionary(categories.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // The site's reports over the same days as the cache's: from the first counted topic's
        // week when no --since is given (the site's own default is only the last 30 days).
        var serverScope = scope
        if serverScope.sinceMs == nil { serverScope.sinceMs = health.weeks.first?.startMs }
        let server = globals.offline ? nil : await ServerHealthReports.fetch(globals: globals, scope: serverScope)
        if globals.json {
            try Output.json(HealthJSON.object(health, categories: names, server: server))
        } else {
            let (start, end) = ServerHealthReports.period(serverScope)
            let lines = HealthReportText.lines(
                health, categories: names, server: server, serverPeriod: "whole site, \(start) to \(end)")
            for line in lines { Output.line(line) }
        }
    }
}
