import ForaCore
import ForaNet
import Foundation

extension DiscourseService {
    /// The site's admin report `type` (staff only) for the days from `start` to `end`
    /// (`2026-11-01`): `GET /admin/reports/{type}.json`.
    public func adminReport(_ type: String, start: String, end: String) async throws -> ServerReport {
        let name = type.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? type
        let query = "start_date=\(start)&end_date=\(end)"
        return try await get("/admin/reports/\(name).json?\(query)", as: ServerReport.self)
    }
}
