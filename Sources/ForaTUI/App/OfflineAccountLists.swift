import ForaCore
import ForaStore

/// The account's lists (notifications, bookmarks) as `fora sync` stored them, as thread-list
/// rows, for when the site cannot be reached. Bookmarks made here since are among them.
public struct OfflineAccountLists: Sendable {
    private let store: Store

    public init(store: Store) { self.store = store }

    /// The stored rows of `kind` and the post each row opens at; nil for a list the store does
    /// not keep. Throws `notSynced` when that list was never synced.
    public func list(_ kind: TopicListKind) throws -> (topics: [Topic], targets: [Int: Int])? {
        switch kind {
        case .notifications:
            let rows = TopicListKind.notificationRows(try store.syncedNotifications())
            return (rows.topics, rows.targets)
        case .bookmarks:
            var seen = Set<Int>()
            var topics: [Topic] = []
            var targets: [Int: Int] = [:]
            for bookmark in try store.bookmarks() where seen.insert(bookmark.topicID).inserted {
                if let number = bookmark.postNumber, number > 1 { targets[topics.count] = number }
                let title = bookmark.title.isEmpty ? "topic \(bookmark.topicID)" : bookmark.title
                topics.append(Topic(id: bookmark.topicID, title: title))
            }
            return (topics, targets)
        default: return nil
        }
    }

    public func categories() -> [ForaCore.Category] { (try? store.categories()) ?? [] }
}

extension AppController {
    /// The site is unreachable: shows what sync stored of list `kind` instead, marked offline.
    /// False when nothing is stored for it (the error is shown then).
    func showOfflineList(_ kind: TopicListKind, argument: String?, error: any Error) -> Bool {
        let stored: (topics: [Topic], targets: [Int: Int], categories: [ForaCore.Category])
        if kind == .latest, argument == nil {
            guard let (topics, categories) = try? offlineList?(), !topics.isEmpty else { return false }
            stored = (topics, [:], categories)
        } else {
            guard let lists = offlineAccountLists, let found = try? lists.list(kind) else { return false }
            stored = (found.topics, found.targets, lists.categories())
        }
        listTargets = stored.targets
        // Marking a notification read needs the site: offline rows carry no ids to mark.
        listNotificationIDs = [:]
        list.show(topics: stored.topics, categories: stored.categories)
        status.connection = .offline
        // The message below says why; an earlier "cannot connect" would only hide it.
        status.lastError = nil
        status.unreadTopics = list.unreadCount
        status.message = "offline: the list as last synced (\(Self.message(for: error)))"
        return true
    }
}
