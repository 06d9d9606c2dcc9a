import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Hands a draft to the user's own editor (`$VISUAL`, else `$EDITOR`, else `vi`): a temporary
/// file holds the draft and, below a scissors line, the post being answered for reference;
/// what the editor saves above the line comes back into the composer.
public enum EditorHandoff {
    /// Everything from this line down is ignored when the file is read back (as in `git
    /// commit -v`): a prefix such as `#` would clash with markdown headings.
    public static let scissors = "------------------------ >8 ------------------------"

    /// The editor command as an argv. The variable is split on blanks, honouring simple
    /// quotes, and is never run through a shell.
    public static func editorCommand(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name], !split(value).isEmpty { return split(value) }
        }
        return ["vi"]
    }

    /// The file's contents: the draft, then the scissors line and the context.
    public static func fileContents(draft: String, context: String?) -> String {
        var text = draft.trimmingTrailingNewlines() + "\n"
        if let context, !context.isEmpty {
            text += "\n" + scissors + "\nDo not edit below this line: it is ignored. You are answering:\n\n" + context
            if !context.hasSuffix("\n") { text += "\n" }
        }
        return text
    }

    /// The draft the user saved: everything above the scissors line, trailing blank lines trimmed.
    public static func draft(fromFile text: String) -> String {
        var kept: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == scissors { break }
            kept.append(line)
        }
        return kept.joined(separator: "\n").trimmingTrailingNewlines()
    }

    /// Writes the file, runs the editor on it with the terminal, and returns the edited
    /// draft. The caller suspends curses around this call. The file is removed afterwards
    /// only when the editor succeeded, so nothing typed is lost.
    public static func edit(
        draft: String, context: String?, directory: URL = FileManager.default.temporaryDirectory,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> String {
        let contents = Data(fileContents(draft: draft, context: context).utf8)
        let file = try makeDraftFile(contents, in: directory)
        let argv = editorCommand(environment: environment) + [file.path]
        let status = try run(argv, environment: environment)
        guard status == 0 else {
            throw ForaError.other(
                "the editor (\(argv[0])) exited with status \(status); your text is kept in \(file.path)")
        }
        let edited = FileManager.default.contents(atPath: file.path) ?? contents
        try? FileManager.default.removeItem(at: file)
        return Self.draft(fromFile: String(decoding: edited, as: UTF8.self))
    }

    /// A new file holding `contents`, made by `mkstemps` (mode 0600, a name nobody could have
    /// planted) in `directory/fora-UID`, a directory only this user may enter: a shared `/tmp`
    /// never sees the draft, not even for a moment.
    static func makeDraftFile(_ contents: Data, in directory: URL) throws -> URL {
        let privateDirectory = directory.appendingPathComponent("fora-\(getuid())").path
        try PrivateDirectory.ensure(privateDirectory)
        var template = Array((privateDirectory + "/draft-XXXXXX.md").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemps(base, 3)
        }
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw ForaError.other("cannot create a draft file in \(privateDirectory): \(reason)")
        }
        let path = template.withUnsafeBufferPointer { buffer in
            String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        let written = SecureFile.writeAll(fd, contents)
        close(fd)
        guard written else {
            unlink(path)
            throw ForaError.other("cannot write the draft file \(path)")
        }
        return URL(fileURLWithPath: path)
    }

    /// Runs `argv` attached to this terminal and waits for it; returns its exit status.
    static func run(_ argv: [String], environment: [String: String]) throws -> Int32 {
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in cArgs + cEnv { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawnp(&pid, argv[0], nil, nil, cArgs, cEnv)
        guard result == 0 else {
            throw ForaError.other("cannot start the editor \(argv[0]): \(String(cString: strerror(result)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw ForaError.other("lost track of the editor") }
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// Splits an editor variable into words: blanks separate, '…' and "…" group.
    static func split(_ command: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for character in command {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " || character == "\t" {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
