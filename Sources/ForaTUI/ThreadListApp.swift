import ForaCore
import Foundation

/// Runs the thread list full-screen until the user quits. Loading happens in the background;
/// failures land in the status bar, never as a crash.
@MainActor
public final class ThreadListApp {
    private let service: any CommunityService
    private let mailbox = UIMailbox()
    private var stack: [any Screen] = []
    private let listScreen: ThreadListScreen
    /// Enough pages for about 60 topics.
    private let maximumPages = 3

    public init(service: any CommunityService, siteTitle: String) {
        self.service = service
        listScreen = ThreadListScreen(siteTitle: siteTitle)
    }

    /// Returns the process exit code.
    public func run() -> Int32 {
        let terminal = NcursesTerminal()
        defer { terminal.shutdown() }
        stack = [listScreen]
        listScreen.onRefresh = { [weak self] in self?.load() }
        load()
        while let screen = stack.last {
            screen.draw(on: terminal)
            mailbox.waitForActivity()
            mailbox.drain()
            for event in terminal.pendingEvents() {
                if screen.handle(event) == .quit {
                    stack.removeLast()
                    break
                }
            }
        }
        return 0
    }

    private func load() {
        listScreen.showLoading()
        let service = self.service
        let mailbox = self.mailbox
        let pages = maximumPages
        let screen = listScreen
        Task.detached {
            do {
                let topics = try await service.latestTopics(upTo: 60, maximumPages: pages)
                let categories = (try? await service.categories()) ?? []
                mailbox.post { screen.show(topics: topics, categories: categories) }
            } catch let error as ForaError {
                let message = error.message
                mailbox.post { screen.show(error: message) }
            } catch {
                let message = "\(error)"
                mailbox.post { screen.show(error: message) }
            }
        }
    }
}
