import ForaCore
import Foundation

/// The community-health screen over the panes; a topic opened from it comes back to it on `q`.
extension AppController {
    func openHealth() {
        guard let health else {
            status.message = "community health needs the local store, which could not be opened"
            return
        }
        overlays.removeAll { $0 is HealthScreen }
        let categories = (try? health.categories()) ?? []
        let screen = HealthScreen(
            categories: categories.sorted { $0.name < $1.name }, ascii: Self.chartsInASCII(),
            now: { Int64(Date().timeIntervalSince1970 * 1000) }, compute: health.compute)
        screen.onOpen = { [weak self, weak screen] topic in
            guard let self, let screen else { return }
            overlays.removeAll { $0 === screen }
            healthToReturnTo = screen
            open(list.allTopics.first { $0.id == topic.id } ?? topic)
        }
        overlays.append(screen)
    }

    /// Block elements need a UTF-8 locale; NO_COLOR asks for plain output, so charts use ASCII.
    /// `codeset` is the C library's answer for the locale the terminal was set up with.
    nonisolated static func chartsInASCII(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        codeset: String = String(cString: nl_langinfo(nl_item(CODESET)))
    ) -> Bool {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return true }
        let upper = codeset.uppercased()
        return !(upper == "UTF-8" || upper == "UTF8")
    }
}
