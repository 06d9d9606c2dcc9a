// The triage benchmark: from an action key in the review queue to the next item on screen,
// with the real AppController and review screen on a grid terminal, driven like the TUI's
// loop (the mailbox runner, background requests), against the real demo server over HTTP
// with 0 ms and then 300 ms of added latency. The goal: within 20 ms whatever the latency,
// because acting moves on at once and the request runs behind.
import DiscourseBackend
import ForaCore
import ForaNet
import ForaTUI
import Foundation

enum TriageBenchmark {
    static let apiKey = "fora-demo-all-users-key"
    /// Actions that need no form or confirmation, in order of preference.
    static let quickActions = ["disagree", "ignore_and_do_nothing", "no_action_post", "no_action_user"]
    static let flagsPerRun = 60

    static func run() async throws {
        let server = try BenchServer.start(arguments: ["--port", "0"])
        defer { server.stop() }
        let base = server.baseURL
        print("server: \(base) (fora-demo-server, separate process, loopback)")
        print("  latency   actions   median      p99        max     (key → next item drawn; goal ≤ 20 ms)")
        for latency in [0, 300] {
            try await setLatency(0, base)
            try await seedFlags(flagsPerRun, base)
            try await setLatency(latency, base)
            let samples = try await MainActor.run { try measure(base) }
            let sorted = samples.sorted()
            func at(_ fraction: Double) -> Double {
                sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
            }
            print(
                String(
                    format: "  %4d ms   %7d   %7.3f ms  %7.3f ms  %7.3f ms", latency, sorted.count, at(0.5), at(0.99),
                    sorted.last ?? 0))
        }
    }

    /// Drives the review queue: opens it as `moderator`, then acts on the top item again and
    /// again, timing each key from `handle` to the drawn screen showing the next item, and
    /// waiting for the answer (so every sample pays the full latency behind the screen).
    @MainActor
    static func measure(_ base: String) throws -> [Double] {
        let mailbox = UIMailbox()
        let grid = GridTerminal(rows: 40, columns: 140)
        let service = DiscourseService(
            site: SiteConfiguration(baseURL: base, apiKey: apiKey, apiUsername: "moderator"), pacing: .off)
        let client = HTTPClient()
        let source = DiscourseReviewSource { method, path in
            let request = HTTPRequest(
                method: method, url: base + path,
                headers: ["Api-Key": apiKey, "Api-Username": "moderator", "Accept": "application/json"])
            let response = try await client.fetch(request)
            if let error = HTTPStatusMapping.error(for: response, request: request) { throw error }
            return response.body
        }
        var config = TUIConfig()
        config.reviewPollSeconds = nil
        let app = AppController(
            terminal: grid, service: service, siteTitle: base, readerSource: nil,
            runner: MailboxRunner(mailbox: mailbox), config: config, reviewSource: source)
        app.start()
        try pump(mailbox, app, "the viewer") { grid.text.contains("to review") }
        app.handle(.character("M"))
        try pump(mailbox, app, "the queue") { (app.reviewScreen?.queue.visible.count ?? 0) > 0 }
        var samples: [Double] = []
        while let screen = app.reviewScreen, let item = screen.selected, screen.queue.visible.count > 1 {
            let keys = screen.keys(for: item)
            guard let key = quickActions.lazy.compactMap({ id in keys.first { $0.action.id == id }?.key }).first
            else { break }
            let before = screen.queue.visible.count
            let start = DispatchTime.now().uptimeNanoseconds
            app.handle(.character(key))
            app.draw()
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            guard screen.queue.visible.count == before - 1, screen.selected?.id != item.id,
                grid.line(0).contains("1 sending")
            else { throw ForaError.other("the next item was not on screen at once:\n\(grid.text)") }
            samples.append(elapsed)
            // The answer, and for a 2025 item the refetch that offers its second action.
            try pump(mailbox, app, "the answer for #\(item.id)") {
                screen.queue.inFlight.isEmpty && screen.queue.stale.isEmpty
            }
        }
        return samples
    }

    /// Runs the UI loop's mailbox until `done` (or fails after 30 s).
    @MainActor
    static func pump(_ mailbox: UIMailbox, _ app: AppController, _ what: String, until done: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(30)
        while !done() {
            guard Date() < deadline else { throw ForaError.other("timed out waiting for \(what)") }
            usleep(500)
            mailbox.drain()
            app.draw()
        }
    }

    static func setLatency(_ milliseconds: Int, _ base: String) async throws {
        let body = Array("{\"latency_ms\": \(milliseconds)}".utf8)
        _ = try await HTTPClient().fetch(
            HTTPRequest(
                method: "PUT", url: base + "/__demo/faults", headers: ["Content-Type": "application/json"], body: body))
    }

    /// Flags replies in the latest topics (as several members, never their own posts), so the
    /// queue has enough items for a run.
    static func seedFlags(_ count: Int, _ base: String) async throws {
        let service = DiscourseService(
            site: SiteConfiguration(baseURL: base, apiKey: apiKey, apiUsername: "moderator"), pacing: .off)
        let flaggers = ["alice", "bob", "carol", "yuki", "wei"]
        var posts: [(id: Int, author: String)] = []
        for page in 0..<4 where posts.count < count * 2 {
            for topic in try await service.latestTopics(page: page).topics {
                let detail = try await service.topic(id: topic.id)
                posts += detail.posts.filter { $0.postNumber > 1 }.map { ($0.id, $0.username) }
            }
        }
        var flagged = 0
        for (index, post) in posts.enumerated() where flagged < count {
            // Members take turns; the next one in line when it is the author's own post.
            let turn = flaggers[index % flaggers.count]
            let flagger = turn == post.author ? flaggers[(index + 1) % flaggers.count] : turn
            let member = DiscourseService(
                site: SiteConfiguration(baseURL: base, apiKey: apiKey, apiUsername: flagger), pacing: .off)
            if (try? await member.flag(postID: post.id, flagTypeID: 3, message: nil)) != nil { flagged += 1 }
        }
    }
}
