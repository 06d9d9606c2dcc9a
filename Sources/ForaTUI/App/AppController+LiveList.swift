import ForaCore

/// The thread list's live refresh: in place (the cursor stays on the same topic), at most
/// one in flight and one every `minimumListInterval` seconds (news meanwhile makes one more
/// afterwards). The latest list goes through the store (the sync engine, as `fora sync`);
/// other lists reload from the site.
extension AppController {
    func refreshListLive() {
        guard !live.refreshingList else {
            live.listAgain = true
            return
        }
        let clock = ContinuousClock()
        if let last = live.lastListRefresh {
            let elapsed = clock.now - last
            let wait =
                live.minimumListInterval - Double(elapsed.components.seconds)
                - Double(elapsed.components.attoseconds) / 1e18
            if wait > 0 {
                guard !live.listDelayed else { return }
                live.listDelayed = true
                runner.run {
                    try await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
                } then: { [weak self] _ in
                    guard let self, isRunning else { return }
                    live.listDelayed = false
                    refreshListLive()
                }
                return
            }
        }
        live.lastListRefresh = clock.now
        guard listKind == .latest, listArgument == nil, let store = live.store else {
            if list.state != .loading { loadList() }
            return
        }
        live.refreshingList = true
        runner.run {
            try await store.refreshLatest()
        } then: { [weak self] result in
            guard let self else { return }
            live.refreshingList = false
            if case .success(let (topics, categories)) = result, listKind == .latest, listArgument == nil,
                !topics.isEmpty
            {
                listTargets = [:]
                let merged = LiveListMerge.merge(shown: list.topics, fresh: topics)
                list.show(topics: merged, categories: categories.isEmpty ? Array(list.categories.values) : categories)
                status.unreadTopics = list.unreadCount
            }
            if live.listAgain {
                live.listAgain = false
                refreshListLive()
            }
        }
    }
}
