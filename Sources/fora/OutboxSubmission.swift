import ArgumentParser
import DiscourseBackend
import ForaCore
import ForaNet
import ForaStore
import Foundation

/// How every write command works: the write is committed to the local outbox first, then
/// (unless `--offline`) the outbox is sent. A write that cannot reach the server stays queued
/// for `fora outbox send`, and the command says so; nothing typed is lost.
enum OutboxSubmission {
    static func submit(_ action: OutboxAction, globals: GlobalOptions, done: String) async throws {
        let site = try globals.configuration()
        let store = try StoreAccess.open(site)
        if !globals.offline { try await PostLengthGate.check(action, service: try globals.serviceIgnoringOffline()) }
        let queued = try await StoreAccess.run { try store.enqueue(action) }
        var item = queued
        if !globals.offline {
            let service = try globals.serviceIgnoringOffline()
            let sender = OutboxSender(
                store: store,
                transport: DiscourseOutboxTransport(
                    username: site.accountUsername ?? "", http: StoreAccess.http(service)))
            _ = try await StoreAccess.run { try await sender.drain() }
            item = try await StoreAccess.run { try store.outboxItem(id: queued.id) }
        }
        report(item, json: globals.json, done: done)
        switch item.state {
        case .failed: throw CommandFailure(.other(item.reason ?? "the server refused it"))
        case .conflict: throw CommandFailure(.conflict(item.reason))
        case .pending, .sending, .sent: return
        }
    }

    private static func report(_ item: OutboxItem, json: Bool, done: String) {
        if json {
            try? Output.json([
                "outbox_id": item.id, "kind": item.action.kind, "state": item.state.rawValue,
                "remote_id": Output.nullable(item.remoteID), "reason": Output.nullable(item.reason),
            ])
            return
        }
        switch item.state {
        case .sent: Output.line(done + (item.action.createsContent ? item.remoteID.map { " (post \($0))" } ?? "" : ""))
        case .pending, .sending:
            Output.line(
                "queued as outbox item \(item.id): \(item.reason ?? "not sent yet"); `fora outbox send` retries")
        case .failed, .conflict: break  // the error goes to stderr with the exit code
        }
    }

    /// The text of a post: `--file F`, `--file -` (stdin), or the trailing words.
    static func body(file: String?, words: [String]) throws -> String {
        let text: String
        if let file {
            if file == "-" {
                text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            } else {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw CommandFailure(.usage("cannot read \(file)"))
                }
                text = String(decoding: data, as: UTF8.self)
            }
        } else {
            text = words.joined(separator: " ")
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw CommandFailure(.usage("nothing to post: give the text, or --file F (--file - reads stdin)"))
        }
        return trimmed
    }
}

extension GlobalOptions {
    /// The service even when `--offline` was given (writes queue offline and send when they can).
    func serviceIgnoringOffline() throws -> DiscourseService {
        var online = self
        online.offline = false
        return try online.service()
    }
}
