import ArgumentParser
import ForaCore
import ForaNet
import ForaStore
import Foundation

/// `fora notifications`: the signed-in user's notifications, unread first marked; with
/// `--offline`, those `fora sync` stored.
struct Notifications: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List your notifications (needs a login).")
    @OptionGroup var globals: GlobalOptions

    mutating func run() async throws {
        let notifications: [ForumNotification]
        if globals.offline {
            let store = try OfflineReading.store(globals)
            notifications = try await StoreAccess.run { try store.syncedNotifications() }
        } else {
            let service = try globals.service()
            notifications = try await withFailures { try await service.notifications() }.notifications
        }
        if globals.json {
            try Output.json(notifications.map(JSONSchemas.notification))
            return
        }
        var rows = [["", "TYPE", "WHEN", "WHO", "TOPIC"]]
        for item in notifications {
            let when = item.createdAt.flatMap(ForaDate.parse).map { ForaDate.relative($0) } ?? ""
            rows.append([
                item.read ? " " : "•", item.typeName, when, item.displayUsername ?? "",
                item.topicTitle ?? item.fancyTitle ?? item.badgeName ?? "",
            ])
        }
        for (index, line) in Output.table(rows).enumerated() {
            Output.line(line, style: index == 0 ? .bold : nil)
        }
    }
}
