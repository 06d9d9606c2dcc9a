// The hostile-mode flags of `fora-demo-server`, mapped onto `HostileSettings`: a server that
// tries to pull keys elsewhere, exhaust memory or hold the client forever.
import ArgumentParser
import DemoServer

struct HostileOptions: ParsableArguments {
    @Option(help: "Redirect API requests to this base URL (path and query kept), e.g. http://127.0.0.1:PORT.")
    var hostileRedirectTo: String?

    @Option(help: "Only redirect requests whose path starts with this (default: all).")
    var hostileRedirectPath: String = "/"

    @Option(help: "The status of those redirects: 301, 302, 303, 307 or 308.")
    var hostileRedirectStatus: Int = 302

    @Option(help: "Answer requests whose path starts with this with a JSON body that never ends.")
    var hostileEndlessBody: String?

    @Option(name: .customLong("hostile-endless-body-ms"), help: "Pause between the endless body's 64 KB chunks.")
    var hostileEndlessBodyMs: Int = 0

    @Option(help: "Topic views claim this many posts (posts_count) and carry no post_stream.stream.")
    var hostilePostsCount: Int?

    func settings() throws -> HostileSettings {
        var settings = HostileSettings()
        settings.redirectTarget = hostileRedirectTo
        settings.redirectPathPrefix = hostileRedirectPath
        settings.redirectStatus = hostileRedirectStatus
        settings.endlessBodyPathPrefix = hostileEndlessBody
        settings.endlessBodyDelayMs = hostileEndlessBodyMs
        settings.absurdPostsCount = hostilePostsCount
        let problems = settings.problems
        guard problems.isEmpty else { throw ValidationError(problems.joined(separator: "; ")) }
        return settings
    }
}
