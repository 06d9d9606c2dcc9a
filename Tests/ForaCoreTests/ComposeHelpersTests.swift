import Foundation
import XCTest

@testable import ForaCore

final class ComposeHelpersTests: XCTestCase {
    func testQuoteMarkupMatchesDiscourse() {
        let quote = QuoteMarkup.quote("It crashes on launch.\n\n", username: "bob", postNumber: 3, topicID: 42)
        XCTAssertEqual(quote, "[quote=\"bob, post:3, topic:42\"]\nIt crashes on launch.\n[/quote]\n\n")
        XCTAssertEqual(
            QuoteMarkup.postLink(baseURL: "http://127.0.0.1:9/", topicID: 42, postNumber: 3),
            "http://127.0.0.1:9/t/42/3")
    }

    func testMentionCompletion() {
        var buffer = EditBuffer("thanks @mo")
        let pending = MentionCompletion.pendingMention(in: buffer.characters, cursor: buffer.cursor)
        XCTAssertEqual(pending?.prefix, "mo")
        XCTAssertEqual(
            MentionCompletion.candidates(for: "mo", among: ["alice", "moderator", "Morgan", "moderator"]),
            ["moderator", "Morgan"])
        MentionCompletion.complete(&buffer, with: "moderator")
        XCTAssertEqual(buffer.text, "thanks @moderator ")
        XCTAssertNil(MentionCompletion.pendingMention(in: Array("mail me@ho"), cursor: 10), "an address is no mention")
    }

    func testSnippetsExpandKnownVariablesOnly() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fora-snippets-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "Hi {username}, see {solution_link} for `{code}`.\n".write(
            to: directory.appendingPathComponent("solved.md"), atomically: true, encoding: .utf8)
        try "Welcome!".write(to: directory.appendingPathComponent("welcome.txt"), atomically: true, encoding: .utf8)
        let library = SnippetLibrary(directory: directory)
        XCTAssertEqual(library.names(), ["solved", "welcome"])
        XCTAssertEqual(library.complete("so"), ["solved"])
        XCTAssertEqual(
            library.expand(
                "solved", variables: ["username": "bob", "solution_link": "https://example.com/t/1/2"]),
            "Hi bob, see https://example.com/t/1/2 for `{code}`.")
        XCTAssertNil(library.expand("missing", variables: [:]))
        let standard = SnippetLibrary.standard(environment: ["XDG_CONFIG_HOME": "/cfg"])
        XCTAssertEqual(standard.directory.path, "/cfg/fora/snippets")
    }

    func testPostLengthFromCharactersCountsAsFromTheString() {
        for raw in ["  short  ", "\n\nline one\nline two 👍🏽\n\n", "", "   ", "日本 é\t"] {
            XCTAssertEqual(
                PostLength(characters: Array(raw), minimum: 20, maximum: 100),
                PostLength(raw: raw, minimum: 20, maximum: 100), raw.debugDescription)
        }
    }

    func testPostLengthCountsTrimmedCharacters() {
        XCTAssertEqual(PostLength(raw: "  short  ", minimum: 20, maximum: 100).verdict, .tooShort(missing: 15))
        XCTAssertEqual(PostLength(raw: String(repeating: "é", count: 30), minimum: 20, maximum: 100).verdict, .fine)
        let long = PostLength(raw: String(repeating: "x", count: 105), minimum: 20, maximum: 100)
        XCTAssertEqual(long.summary, "105/100 (5 too many)")
    }

    func testEditorCommandIsSplitWithoutAShell() {
        XCTAssertEqual(EditorHandoff.editorCommand(environment: ["EDITOR": "nano"]), ["nano"])
        XCTAssertEqual(
            EditorHandoff.editorCommand(environment: ["VISUAL": "vim -u 'my vimrc'", "EDITOR": "nano"]),
            ["vim", "-u", "my vimrc"])
        XCTAssertEqual(EditorHandoff.editorCommand(environment: ["EDITOR": "  "]), ["vi"])
        XCTAssertEqual(EditorHandoff.split("code --wait ''"), ["code", "--wait", ""])
    }

    func testTheContextBelowTheScissorsIsIgnored() {
        let file = EditorHandoff.fileContents(draft: "# Heading\nmy reply\n", context: "> the question")
        XCTAssertTrue(file.contains(EditorHandoff.scissors))
        XCTAssertEqual(EditorHandoff.draft(fromFile: file), "# Heading\nmy reply", "markdown headings survive")
    }

    func testAScriptedEditorEditsTheDraft() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fora-editor-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // The "editor" appends a line above the scissors, as a user would type it.
        let script = directory.appendingPathComponent("editor.sh")
        try "#!/bin/sh\nsed -i '1a added in the editor' \"$1\"\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: script.path)
        var environment = ProcessInfo.processInfo.environment
        environment["VISUAL"] = script.path
        let edited = try EditorHandoff.edit(
            draft: "first line", context: "the post", directory: directory, environment: environment)
        XCTAssertEqual(edited, "first line\nadded in the editor")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
            $0.hasSuffix(".md")
        }
        XCTAssertEqual(leftovers, [], "the temporary file is removed after a successful edit")
    }

    func testAFailingEditorKeepsTheFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fora-editor-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var environment = ProcessInfo.processInfo.environment
        environment["VISUAL"] = "false"
        XCTAssertThrowsError(
            try EditorHandoff.edit(draft: "keep me", context: nil, directory: directory, environment: environment))
        // Kept in the private directory the draft was made in.
        let privateDirectory = directory.appendingPathComponent("fora-\(getuid())").path
        let kept = try FileManager.default.contentsOfDirectory(atPath: privateDirectory).filter { $0.hasSuffix(".md") }
        XCTAssertEqual(kept.count, 1)
    }
}
