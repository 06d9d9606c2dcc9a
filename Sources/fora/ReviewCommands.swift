import ArgumentParser
import ForaCore
import ForaNet
import ForaRender
import ForaStore
import Foundation

/// `fora review list|show|act|claim|unclaim`: the moderators' review queue.
struct Review: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work through the review queue (moderators).",
        subcommands: [ReviewList.self, ReviewShow.self, ReviewAct.self, ReviewClaim.self, ReviewUnclaim.self])
}

/// The status names of `/review.json` and the integers reviewables carry.
enum ReviewStatus {
    static let names = ["pending", "approved", "rejected", "ignored", "deleted", "reviewed", "all"]
    static func name(_ status: Int) -> String {
        ["pending", "approved", "rejected", "ignored", "deleted"].indices.contains(status)
            ? ["pending", "approved", "rejected", "ignored", "deleted"][status] : "status \(status)"
    }
}

struct ReviewList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List reviewables.")
    @OptionGroup var globals: GlobalOptions
    @Option(help: "pending (default), approved, rejected, ignored, deleted, reviewed or all.") var status = "pending"
    @Option(help: "Only this type, e.g. ReviewableFlaggedPost or flagged (a prefix is enough).") var type: String?
    @Option(help: "Only this category (slug or id).") var category: String?

    mutating func run() async throws {
        guard ReviewStatus.names.contains(status) else {
            throw CommandFailure(.usage("unknown status \(status): use \(ReviewStatus.names.joined(separator: ", "))"))
        }
        let queue: ReviewQueue
        var categoryID: Int?
        if globals.offline {
            queue = try await OfflineReading.reviewQueue(status: status, globals: globals)
            if let category { categoryID = try await OfflineReading.categoryID(of: category, globals: globals) }
        } else {
            let service = try globals.service()
            let status = self.status
            queue = try await withFailures { try await service.reviewQueue(status: status) }
            if let category { categoryID = try await CategoryLookup.id(of: category, globals: globals) }
        }
        let wantedType = type?.lowercased()
        let items = queue.reviewables.filter { item in
            if let categoryID, item.categoryID != categoryID { return false }
            if let wantedType {
                let name = item.type.lowercased()
                return name == wantedType || name.hasPrefix("reviewable" + wantedType) || name.hasPrefix(wantedType)
            }
            return true
        }
        if globals.json {
            try Output.json(items.map { ReviewJSON.item($0, in: queue) })
            return
        }
        if items.isEmpty {
            Output.line("the review queue is empty (\(status))")
            return
        }
        var rows = [["ID", "TYPE", "STATUS", "SCORE", "TOPIC", "ACTIONS"]]
        for item in items {
            let actions = queue.actions(for: item).flatMap { $0.actions.map(\.id) }
            rows.append([
                String(item.id), item.type.replacingOccurrences(of: "Reviewable", with: ""),
                ReviewStatus.name(item.status), String(format: "%.1f", item.score),
                item.topicID.map { "\($0)" + (item.postNumber.map { "#\($0)" } ?? "") } ?? "",
                DisplayWidth.truncate(actions.joined(separator: " "), to: 60),
            ])
        }
        for (index, line) in Output.table(rows, rightAligned: [0, 3]).enumerated() {
            Output.line(line, style: index == 0 ? .bold : nil)
        }
    }
}

struct ReviewShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one reviewable.")
    @OptionGroup var globals: GlobalOptions
    @Argument(help: "The reviewable id.") var id: Int

    mutating func run() async throws {
        let service = try globals.service()
        let id = self.id
        let queue = try await withFailures { try await service.reviewable(id: id) }
        guard let item = queue.reviewables.first(where: { $0.id == id }) ?? queue.reviewables.first else {
            throw CommandFailure(.notFound("no reviewable \(id)"))
        }
        // The explanation is extra: a site that does not answer it still shows the item.
        let explanation = try? await service.reviewExplanation(id: item.id)
        if globals.json {
            var object = ReviewJSON.item(item, in: queue)
            object["explanation"] = explanation.map(ReviewJSON.explanation) ?? NSNull()
            try Output.json(object)
            return
        }
        Output.line([("#\(item.id) \(Output.clean(item.type))", .bold), ("  \(ReviewStatus.name(item.status))", nil)])
        Output.line("score \(String(format: "%.1f", item.score)), version \(item.version)")
        if let topic = item.topicID { Output.line("topic \(topic)" + (item.postNumber.map { ", post #\($0)" } ?? "")) }
        if let cooked = item.cooked {
            Output.line("")
            Output.line(CookedRenderer().render(cooked, width: 78).plainText)
        }
        if let explanation {
            Output.line("")
            for line in explanation.lines { Output.line(Output.clean(line)) }
        }
        Output.line("")
        for (bundle, actions) in queue.actions(for: item) {
            Output.line((bundle.label ?? bundle.id) + ":")
            for action in actions {
                Output.line("  \(action.id)" + (action.label.map { "  (\(Output.clean($0)))" } ?? ""))
            }
        }
    }
}

struct ReviewAct: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "act", abstract: "Perform one of a reviewable's actions (through the outbox).")
    @OptionGroup var globals: GlobalOptions
    @Argument(help: "The reviewable id.") var id: Int
    @Argument(help: "The action id, as `fora review show` lists it.") var action: String
    @Flag(help: "Do not ask before a destructive action.") var yes = false

    mutating func run() async throws {
        let service = try globals.service()
        let id = self.id
        let queue = try await withFailures { try await service.reviewable(id: id) }
        guard let item = queue.reviewables.first(where: { $0.id == id }) ?? queue.reviewables.first else {
            throw CommandFailure(.notFound("no reviewable \(id)"))
        }
        let offered = queue.actions(for: item).flatMap(\.actions)
        guard let chosen = offered.first(where: { $0.id == action }) else {
            let names = offered.map(\.id).joined(separator: ", ")
            throw CommandFailure(.usage("reviewable \(id) does not offer \(action); it offers: \(names)"))
        }
        let triage = TriageAction(
            id: chosen.id, label: chosen.label, confirmMessage: chosen.confirmMessage,
            clientAction: chosen.clientAction, requiresRejectReason: chosen.requireRejectReason ?? false)
        if triage.isDestructive, !yes {
            try Confirmation.ask("\(triage.label) on reviewable \(id)? This cannot be undone.")
        }
        try await OutboxSubmission.submit(
            .review(reviewableID: id, action: action, version: item.version), globals: globals,
            done: "performed \(action) on reviewable \(id)")
    }
}

struct ReviewClaim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claim", abstract: "Claim a reviewable's topic so other moderators leave it to you.")
    @OptionGroup var globals: GlobalOptions
    @Argument(help: "The reviewable id.") var id: Int
    mutating func run() async throws { try await ReviewClaiming.set(id: id, claimed: true, globals: globals) }
}

struct ReviewUnclaim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unclaim", abstract: "Release a claim.")
    @OptionGroup var globals: GlobalOptions
    @Argument(help: "The reviewable id.") var id: Int
    mutating func run() async throws { try await ReviewClaiming.set(id: id, claimed: false, globals: globals) }
}

enum ReviewClaiming {
    static func set(id: Int, claimed: Bool, globals: GlobalOptions) async throws {
        let service = try globals.service()
        let queue = try await withFailures { try await service.reviewable(id: id) }
        guard let topicID = (queue.reviewables.first(where: { $0.id == id }) ?? queue.reviewables.first)?.topicID
        else { throw CommandFailure(.notFound("reviewable \(id) has no topic to claim")) }
        try await withFailures {
            if claimed {
                try await service.claim(topicID: topicID)
            } else {
                try await service.unclaim(topicID: topicID)
            }
        }
        if globals.json {
            try Output.json(["reviewable_id": id, "topic_id": topicID, "claimed": claimed])
        } else {
            Output.line(claimed ? "claimed topic \(topicID) (reviewable \(id))" : "released topic \(topicID)")
        }
    }
}

enum ReviewJSON {
    static func explanation(_ explanation: ReviewExplanation) -> [String: Any] {
        [
            "total_score": explanation.totalScore,
            "scores": explanation.scores.map { score in
                [
                    "user_id": score.userID, "username": Output.nullable(score.username),
                    "score_type": score.scoreType, "score": score.score, "type_bonus": score.typeBonus,
                    "trust_level_bonus": score.trustLevelBonus, "take_action_bonus": score.takeActionBonus,
                    "user_accuracy_bonus": score.userAccuracyBonus, "flags_agreed": score.flagsAgreed,
                    "flags_disagreed": score.flagsDisagreed, "flags_ignored": score.flagsIgnored,
                ] as [String: Any]
            },
        ]
    }

    static func item(_ item: Reviewable, in queue: ReviewQueue) -> [String: Any] {
        [
            "id": item.id, "type": item.type, "status": ReviewStatus.name(item.status), "score": item.score,
            "version": item.version, "topic_id": Output.nullable(item.topicID),
            "post_number": Output.nullable(item.postNumber), "category_id": Output.nullable(item.categoryID),
            "created_at": Output.nullable(item.createdAt),
            "actions": queue.actions(for: item).map { bundle, actions in
                ["bundle": bundle.id, "actions": actions.map(\.id)] as [String: Any]
            },
        ]
    }
}

/// Asks on the terminal before a destructive action; without a terminal it refuses and
/// points at `--yes`, so a script never hangs on a prompt.
enum Confirmation {
    static func ask(_ question: String) throws {
        guard isatty(STDIN_FILENO) == 1 else {
            throw CommandFailure(.usage("\(question) Refusing without a terminal: add --yes"))
        }
        Output.prompt("\(question) [y/N] ")
        guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else {
            throw CommandFailure(.other("cancelled"))
        }
    }
}
