import ArgumentParser
import ForaCore
import ForaStore
import Foundation

/// `fora reply TOPIC [--to N] [--file F | -] [TEXT…]`
struct Reply: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Reply to a topic, or to one of its posts.")
    @OptionGroup var globals: GlobalOptions
    @Argument(help: "The topic id.") var topic: Int
    @Option(help: "Reply to this post number.") var to: Int?
    @Option(help: "Read the reply from this file (- for stdin).") var file: String?
    @Argument(help: "The reply's text, when no --file.") var text: [String] = []

    mutating func run() async throws {
        let raw = try OutboxSubmission.body(file: file, words: text)
        try await OutboxSubmission.submit(
            .reply(topicID: topic, raw: raw, replyToPostNumber: to), globals: globals, done: "replied to topic \(topic)"
        )
    }
}

/// `fora post --category C --title T [--tag X]… [--file F | -] [TEXT…]`
struct NewTopic: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "post", abstract: "Start a new topic.")
    @OptionGroup var globals: GlobalOptions
    @Option(help: "The category (slug or id).") var category: String?
    @Option(help: "The topic's title.") var title: String
    @Option(help: "A tag (repeat for several).") var tag: [String] = []
    @Option(help: "Read the post from this file (- for stdin).") var file: String?
    @Argument(help: "The post's text, when no --file.") var text: [String] = []

    mutating func run() async throws {
        let raw = try OutboxSubmission.body(file: file, words: text)
        var categoryID: Int?
        if let category {
            categoryID = try await CategoryLookup.id(of: category, globals: globals)
        }
        try await OutboxSubmission.submit(
            .newTopic(title: title, raw: raw, categoryID: categoryID, tags: tag), globals: globals,
            done: "created the topic \"\(title)\"")
    }
}

/// `fora edit POST [--file F | -] [TEXT…]`: sends the text it replaces, so an edit made
/// meanwhile by someone else is a conflict (exit 8), never silently overwritten.
struct Edit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Replace the text of one of your posts.")
    @OptionGroup var globals: GlobalOptions
    @Argument(help: "The post id.") var post: Int
    @Option(help: "Read the new text from this file (- for stdin).") var file: String?
    @Argument(help: "The new text, when no --file.") var text: [String] = []

    mutating func run() async throws {
        let raw = try OutboxSubmission.body(file: file, words: text)
        var original: String?
        var topicID: Int?
        if !globals.offline {
            let service = try globals.service()
            let current = try await withFailures { try await service.post(id: post) }
            original = current.raw
            topicID = current.topicID
        }
        try await OutboxSubmission.submit(
            .edit(postID: post, topicID: topicID, raw: raw, originalRaw: original), globals: globals,
            done: "edited post \(post)")
    }
}

/// `fora like POST`
struct Like: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Like a post.")
    @OptionGroup var globals: GlobalOptions
    @Argument(help: "The post id.") var post: Int
    mutating func run() async throws {
        try await OutboxSubmission.submit(
            .like(postID: post, topicID: nil), globals: globals, done: "liked post \(post)")
    }
}

/// `fora solve POST`: marks the post as the accepted answer of its topic.
struct Solve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Mark a post as the solution of its topic.")
    @OptionGroup var globals: GlobalOptions
    @Argument(help: "The post id.") var post: Int
    mutating func run() async throws {
        try await OutboxSubmission.submit(
            .accept(postID: post, topicID: nil), globals: globals, done: "post \(post) is now the solution")
    }
}

/// `fora unsolve POST`: removes the accepted-answer mark. Sent at once (the server's answer
/// tells whether it applied); it is idempotent, so a retry cannot do harm.
struct Unsolve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Unmark a post as the solution.")
    @OptionGroup var globals: GlobalOptions
    @Argument(help: "The post id.") var post: Int
    mutating func run() async throws {
        let service = try globals.service()
        try await withFailures { try await service.unacceptSolution(postID: post) }
        if globals.json {
            try Output.json(["post_id": post, "solution": false])
        } else {
            Output.line("post \(post) is no longer the solution")
        }
    }
}

/// `fora flag POST --type T [--message M]`: everyone can flag; the types come from the site.
struct FlagPost: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "flag", abstract: "Flag a post for the moderators.")
    @OptionGroup var globals: GlobalOptions
    @Argument(help: "The post id.") var post: Int
    @Option(help: "The flag type: off_topic, inappropriate, spam, illegal, notify_user, notify_moderators, or its id.")
    var type: String
    @Option(help: "A note for the moderators (needed for notify_* flags).") var message: String?

    mutating func run() async throws {
        let typeID: Int
        if let number = Int(type) {
            typeID = number
        } else {
            let service = try globals.service()
            let site = try await withFailures { try await service.siteMetadata() }
            guard
                let match = site.postActionTypes.filter(\.isFlag).first(where: {
                    $0.nameKey == type || $0.name.lowercased() == type.lowercased()
                })
            else {
                let known = site.postActionTypes.filter(\.isFlag).compactMap(\.nameKey).joined(separator: ", ")
                throw CommandFailure(.usage("unknown flag type \(type); this site has: \(known)"))
            }
            typeID = match.id
        }
        try await OutboxSubmission.submit(
            .flag(postID: post, topicID: nil, typeID: typeID, message: message), globals: globals,
            done: "flagged post \(post)")
    }
}

enum CategoryLookup {
    static func id(of category: String, globals: GlobalOptions) async throws -> Int {
        if let id = Int(category) { return id }
        let service = try globals.serviceIgnoringOffline()
        let categories = try await withFailures { try await service.categories() }
        guard let found = categories.first(where: { $0.slug == category || $0.name == category }) else {
            throw CommandFailure(.notFound("no category \"\(category)\" (see `fora categories`)"))
        }
        return found.id
    }
}
