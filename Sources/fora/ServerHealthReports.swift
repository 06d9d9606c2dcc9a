import ForaCore
import ForaNet
import Foundation

/// The site's own health reports for a staff account, fetched beside the cache's figures.
/// Anyone else (or a site without them) simply gets none: the cache's figures stand alone.
enum ServerHealthReports {
    static func fetch(globals: GlobalOptions, scope: HealthScope) async -> [ServerReport]? {
        guard let site = try? globals.configuration(), site.apiKey != nil || site.userAPIKey != nil,
            let service = try? globals.service()
        else { return nil }
        let (start, end) = period(scope)
        var reports: [ServerReport] = []
        for type in ServerReport.healthTypes {
            do {
                reports.append(try await service.adminReport(type, start: start, end: end))
            } catch let error as ForaError {
                switch error {
                case .forbidden, .notLoggedIn, .hostUnreachable, .dns, .tls: return nil  // not staff, or not reachable
                default: continue
                }
            } catch {
                continue
            }
        }
        return reports.isEmpty ? nil : reports
    }

    /// The days the site's reports cover: the scope's (the last 30 days when it has no start).
    static func period(_ scope: HealthScope) -> (start: String, end: String) {
        (HealthFormatting.day(scope.sinceMs ?? scope.untilMs - 30 * 86_400_000), HealthFormatting.day(scope.untilMs))
    }
}
