// The loopback test API of the demo server itself, under `/__demo/`: read and change the
// faults at run time. These paths are never faulted, counted or authenticated (the server
// only ever listens on 127.0.0.1).
import Foundation

enum ControlRoutes {
    static let prefix = "/__demo/"

    /// The answer to a `/__demo/…` request.
    static func respond(to request: APIRequest, faults: FaultController) -> APIResponse {
        switch (request.method, request.path) {
        case ("GET", "/__demo/faults"), ("HEAD", "/__demo/faults"):
            return settingsResponse(faults.settings)
        case ("PUT", "/__demo/faults"), ("POST", "/__demo/faults"):
            let settings: FaultSettings
            do {
                settings = try JSONDecoder().decode(
                    FaultSettings.self, from: request.body.isEmpty ? Data("{}".utf8) : request.body)
            } catch {
                return DemoAPIError(
                    status: 400, errors: ["invalid fault settings: \(error)"], errorType: "invalid_parameters"
                )
                .response
            }
            let problems = settings.problems
            guard problems.isEmpty else {
                return DemoAPIError(status: 400, errors: problems, errorType: "invalid_parameters").response
            }
            faults.set(settings)
            return settingsResponse(faults.settings)
        case ("POST", "/__demo/reset-faults"):
            faults.reset()
            return settingsResponse(faults.settings)
        default:
            return DemoAPIError.notFound.response
        }
    }

    private static func settingsResponse(_ settings: FaultSettings) -> APIResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = (try? encoder.encode(settings)) ?? Data("{}".utf8)
        return APIResponse(status: 200, headers: [("Content-Type", "application/json; charset=utf-8")], body: body)
    }
}
