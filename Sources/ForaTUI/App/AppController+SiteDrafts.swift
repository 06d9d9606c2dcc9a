/// A composer that opens with no local draft asks the site for one (started in the browser or
/// on another machine); it fills the composer only if nothing was typed meanwhile.
extension AppController {
    func restoreFromSite(_ screen: ComposerScreen, topicID: Int?) {
        siteDrafts?.load(topicID: topicID) { [weak self, weak screen] post in
            guard let self, let screen, let post, screen.restore(post) else { return }
            status.message = "draft restored from the site"
        }
    }
}
