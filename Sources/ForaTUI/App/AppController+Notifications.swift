import ForaCore

/// Opening a notification marks it read on the site, so the web and other clients agree, and
/// its row loses the unread mark once the site says so (not before: a failure keeps it unread).
extension AppController {
    func markSelectedNotificationRead() {
        guard listKind == .notifications, let row = list.selectedLoadedRow, let id = listNotificationIDs[row],
            list.allTopics.indices.contains(row), list.allTopics[row].unread
        else { return }
        let service = self.service
        runner.run {
            try await service.markNotificationRead(id: id)
        } then: { [weak self] result in
            guard let self else { return }
            switch result {
            case .success:
                // The list may have been reloaded meanwhile: only touch the same notification.
                if listKind == .notifications, listNotificationIDs[row] == id { list.markRead(loadedRow: row) }
            case .failure(let error): report(error)
            }
        }
    }

    /// Enter on a notification with no topic (a badge): marks it read and says what it was,
    /// instead of opening a topic that does not exist. False for any other row.
    func openTopiclessNotification(_ topic: Topic) -> Bool {
        guard listKind == .notifications, TopicListKind.isTopicless(topic) else { return false }
        markSelectedNotificationRead()
        status.message = "\(topic.title) (no topic to open)"
        return true
    }
}
