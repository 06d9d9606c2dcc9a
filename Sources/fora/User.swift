import ArgumentParser
import ForaCore
import ForaNet
import Foundation

/// `fora user NAME`: a user's profile.
struct User: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a user's profile.")
    @OptionGroup var globals: GlobalOptions
    @Argument(help: "The username.") var name: String

    mutating func run() async throws {
        let service = try globals.service()
        let name = self.name
        let user = try await withFailures { try await service.user(username: name) }
        if globals.json {
            try Output.json(JSONSchemas.user(user))
            return
        }
        var role = user.admin ? "admin" : user.moderator ? "moderator" : ""
        if let level = user.trustLevel { role += (role.isEmpty ? "" : ", ") + "trust level \(level)" }
        let rows: [[String]] = [
            ["username", user.username], ["name", user.name ?? ""], ["title", user.title ?? ""], ["role", role],
            ["joined", Output.shortDate(user.createdAt)], ["last post", Output.shortDate(user.lastPostedAt)],
            ["last seen", Output.shortDate(user.lastSeenAt)], ["topics", user.topicCount.map(String.init) ?? ""],
            ["posts", user.postCount.map(String.init) ?? ""],
            ["likes received", user.likesReceived.map(String.init) ?? ""],
        ]
        for line in Output.table(rows.filter { !$0[1].isEmpty }) { Output.line(line) }
    }
}
