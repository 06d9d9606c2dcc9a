import ArgumentParser
import DiscourseBackend
import ForaCore
import ForaNet
import ForaStore
import Foundation

/// `fora outbox [list|send|retry ID|drop ID]`: the writes waiting to reach the server.
struct Outbox: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List, send, retry or drop the writes waiting in the local outbox.")
    @OptionGroup var globals: GlobalOptions
    @Argument(help: "list, send, retry or drop.") var action = "list"
    @Argument(help: "The item id (for retry and drop).") var id: Int?

    mutating func run() async throws {
        let site = try globals.configuration()
        let store = try StoreAccess.open(site)
        switch action {
        case "list":
            try await list(store)
        case "send":
            let service = try globals.service()
            let username = site.accountUsername ?? ""
            let sender = OutboxSender(
                store: store,
                transport: DiscourseOutboxTransport(username: username, http: StoreAccess.http(service)))
            // Asked for explicitly: every waiting item is tried now, even one in its back-off.
            let (report, waiting) = try await StoreAccess.run {
                try store.flushTimings()
                try store.wakeWaitingOutboxItems()
                let report = try await sender.drain()
                return (report, try store.outboxCounts().waiting)
            }
            if globals.json {
                try Output.json([
                    "sent": report.sent + report.alreadyOnServer, "failed": report.failed,
                    "conflicts": report.conflicts, "deferred": report.deferred,
                    "sending_elsewhere": report.claimedElsewhere, "waiting": waiting,
                ])
            } else {
                let elsewhere = report.claimedElsewhere.count
                Output.line(
                    "sent \(report.sent.count + report.alreadyOnServer.count), failed \(report.failed.count), "
                        + "conflicts \(report.conflicts.count), waiting \(waiting)"
                        + (elsewhere > 0 ? " (\(elsewhere) being sent by another fora)" : ""))
            }
        case "retry", "drop":
            guard let id else { throw CommandFailure(.usage("fora outbox \(action) needs an item id")) }
            try await StoreAccess.run {
                if action == "retry" { try store.retryOutboxItem(id: id) } else { try store.dropOutboxItem(id: id) }
            }
            if !globals.json { Output.line(action == "retry" ? "item \(id) will be sent again" : "item \(id) dropped") }
        default:
            throw CommandFailure(.usage("unknown outbox action \(action): use list, send, retry ID or drop ID"))
        }
    }

    private func list(_ store: Store) async throws {
        let items = try await StoreAccess.run { try store.outboxItems() }
        if globals.json {
            try Output.json(
                items.map { item -> [String: Any] in
                    [
                        "id": item.id, "kind": item.action.kind, "state": item.state.rawValue,
                        "reason": Output.nullable(item.reason), "attempts": item.attempts,
                        "topic_id": Output.nullable(item.action.topicID), "remote_id": Output.nullable(item.remoteID),
                        "created_at": ISO8601DateFormatter().string(from: item.createdAt),
                    ]
                })
            return
        }
        var rows = [["ID", "KIND", "STATE", "TOPIC", "NOTE"]]
        for item in items {
            rows.append([
                "\(item.id)", item.action.kind, item.state.rawValue, item.action.topicID.map { "\($0)" } ?? "",
                item.reason ?? "",
            ])
        }
        for (index, line) in Output.table(rows).enumerated() {
            Output.line(line, style: index == 0 ? .bold : nil)
        }
    }
}
