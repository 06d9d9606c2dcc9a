/// SGR parameters per role for the ANSI writer (`fora read` on a terminal). The TUI maps
/// roles through its themes instead; this is the fixed palette for printed output, using
/// the 16 basic colours so it follows the user's terminal scheme.
public struct RolePalette: Sendable {
    public var parameters: [TextRole: String]

    public init(parameters: [TextRole: String]) { self.parameters = parameters }

    public static let standard = RolePalette(parameters: [
        .strong: "1", .emphasis: "3", .strikethrough: "9", .code: "36", .link: "4;34", .quote: "2",
        .mention: "1;35", .hashtag: "1;33", .heading: "1;4", .muted: "2", .solution: "1;32", .keyboard: "7",
        .image: "33", .spoiler: "2;7", .math: "36",
    ])
}
