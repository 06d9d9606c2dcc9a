import ForaCore

/// The thread list's bookmarks and filters, the site search results screen and the site
/// picker.
extension AppController {
    /// The operations of this file that `perform(_:count:)` hands over.
    func performListOperation(_ operation: OperationID, count: Int? = nil) {
        switch operation {
        case .showBookmarks: switchList(to: .bookmarks)
        case .filterList: setFilterText(nil)
        case .filterUnread:
            list.filter.onlyUnread.toggle()
            status.message = list.filter.onlyUnread ? "only unread topics (u shows all)" : "all topics"
        case .filterUnsolved:
            list.filter.onlyUnsolved.toggle()
            status.message = list.filter.onlyUnsolved ? "only unsolved topics (s shows all)" : "all topics"
        case .sites: openSitePicker()
        case .readTopic:
            guard let id = count else {
                status.message = ":read needs a topic number"
                return
            }
            overlays.removeAll { $0 is SearchResultsScreen || $0 is SitePickerScreen }
            open(list.allTopics.first { $0.id == id } ?? Topic(id: id, title: "Topic \(id)"))
        default: break
        }
    }

    /// `:filter TEXT` (nil clears it): titles and tags containing the text, on the loaded list.
    func setFilterText(_ text: String?) {
        list.filter.text = text.flatMap { $0.isEmpty ? nil : $0 }
        status.message =
            list.filter.text.map { "\(list.topics.count) of \(list.allTopics.count) topics match \"\($0)\"" }
            ?? "filter cleared"
    }

    /// Runs a site search and shows its results over the current screen (one results screen
    /// at a time: a new search replaces the old one).
    func openSiteSearch(_ query: String) {
        let screen = SearchResultsScreen(query: query)
        overlays.removeAll { $0 is SearchResultsScreen || $0 is SitePickerScreen }
        overlays.append(screen)
        let service = self.service
        runner.run {
            try await service.search(query, page: 1)
        } then: { [weak self, weak screen] result in
            guard let screen else { return }
            switch result {
            case .success(let found):
                screen.show(SearchHit.hits(from: found, query: query))
                self?.status.connection = .online
            case .failure(let error):
                screen.show(error: Self.message(for: error))
                self?.report(error)
            }
        }
    }

    /// A search hit opens in the main reader (replying, moderating and live updates work there as
    /// in any topic), at the hit's post; the results wait underneath for `q`.
    func openFromResults(_ results: SearchResultsScreen, topicID: Int, postNumber: Int) {
        overlays.removeAll { $0 === results }
        resultsToReturnTo = results
        let title = results.selectedHit?.title ?? "Topic \(topicID)"
        open(list.allTopics.first { $0.id == topicID } ?? Topic(id: topicID, title: title), at: postNumber)
    }

    func openSitePicker() {
        guard !siteChoices.isEmpty else {
            status.message = "no [sites.NAME] tables in config.toml to choose from"
            return
        }
        overlays.removeAll { $0 is SitePickerScreen }
        overlays.append(
            SitePickerScreen(names: siteChoices, current: currentSite) { [weak self] name in
                self?.switchSite(to: name)
            })
    }
}
