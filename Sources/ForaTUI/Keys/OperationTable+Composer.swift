/// The composer's operations and the reader's ways into it. Editing keys follow readline and
/// Emacs (C-a C-e C-b C-f M-b M-f C-k C-u C-w C-y C-d, C-_ undo); the composer's own commands
/// follow Pine/Alpine where they do not clash (C-x send, C-t snippet, C-o the external editor,
/// C-r preview). Printable keys and Enter are text in the composer, so every command there
/// sits on a control or Alt key. While the composer has the focus the terminal hands C-c and
/// C-z over as keys (`setRawKeys`): C-c asks before closing like Esc, C-z undoes.
extension OperationTable {
    static let composerOperations: [Operation] = [
        entry(
            .replyToPost, "Reply to the focused post (a count or :reply-to-post N picks post N)",
            hint: "reply to post", count: true, [.reader: ["a"]]),
        entry(
            .quotePost, "Quote the focused post in the composer (opening it if needed)", hint: "quote",
            [.reader: ["\""]]),
        entry(.newTopic, "Start a new topic", hint: "new topic", [.list: ["c"]]),
        entry(.send, "Send the post (it closes the composer once sent)", hint: "send", [.composer: ["C-x"]]),
        entry(.preview, "Toggle the preview of the rendered post", hint: "preview", [.composer: ["C-r"]]),
        entry(
            .externalEditor, "Edit in $VISUAL or $EDITOR; what it saves comes back", hint: "editor",
            [.composer: ["C-o"]]),
        entry(.insertSnippet, "Insert a snippet by name (Tab completes)", hint: "snippet", [.composer: ["C-t"]]),
        entry(
            .complete, "Complete the @mention (again: the next match), else the next field", hint: "complete",
            [.composer: ["Tab"]]),
        entry(.undo, "Undo", hint: "undo", [.composer: ["C-_", "C-z"]]),
        entry(.redo, "Redo", hint: "redo", [.composer: ["C-^", "M-_"]]),
        entry(.backwardChar, "Move left a character", hint: "left", [.composer: ["C-b", "Left"]]),
        entry(.forwardChar, "Move right a character", hint: "right", [.composer: ["C-f", "Right"]]),
        entry(.backwardWord, "Move left a word", hint: "word", [.composer: ["M-b"]]),
        entry(.forwardWord, "Move right a word", hint: "word", [.composer: ["M-f"]]),
        entry(.lineStart, "Move to the start of the line", hint: "line start", [.composer: ["C-a", "Home"]]),
        entry(.lineEnd, "Move to the end of the line", hint: "line end", [.composer: ["C-e", "End"]]),
        entry(.previousLine, "Move up a screen row", hint: "up", [.composer: ["Up", "C-p"]]),
        entry(.nextLine, "Move down a screen row", hint: "down", [.composer: ["Down", "C-n"]]),
        entry(.backwardParagraph, "Move to the previous paragraph", hint: "paragraph", [.composer: ["M-{"]]),
        entry(.forwardParagraph, "Move to the next paragraph", hint: "paragraph", [.composer: ["M-}"]]),
        entry(.screenUp, "Move up a screenful", hint: "page", [.composer: ["PgUp", "M-v"]]),
        entry(.screenDown, "Move down a screenful", hint: "page", [.composer: ["PgDn", "C-v"]]),
        entry(.textStart, "Move to the start of the text", hint: "start", [.composer: ["M-<"]]),
        entry(.textEnd, "Move to the end of the text", hint: "end", [.composer: ["M->"]]),
        entry(
            .deleteBackward, "Delete the character before the cursor", hint: "delete",
            [.composer: ["Backspace"]]),
        entry(.deleteForward, "Delete the character under the cursor", hint: "delete", [.composer: ["C-d", "Delete"]]),
        entry(.killLine, "Cut to the end of the line (at the end: join the next)", hint: "cut", [.composer: ["C-k"]]),
        entry(.killLineStart, "Cut to the start of the line", hint: "cut", [.composer: ["C-u"]]),
        entry(.killWord, "Cut the word before the cursor", hint: "cut", [.composer: ["C-w"]]),
        entry(.yank, "Paste what was cut last", hint: "paste", [.composer: ["C-y"]]),
    ]
}
