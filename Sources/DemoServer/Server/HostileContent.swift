// A hostile site on demand: the demo server rewrites its own JSON answers the way a
// compromised or malicious Discourse could, so the client's defences are tested against the
// real binary. Applied after the route table, to every JSON answer (errors included), so no
// endpoint is forgotten and no endpoint needs to know.
import Foundation

/// Which hostile rewrites are on. Set from `fora-demo-server --hostile-text` and
/// `--hostile-integers`.
public struct HostileContent: Sendable, Equatable {
    /// Terminal escapes appended to every string value of every JSON answer: titles,
    /// usernames, `errors[]`, review types and labels, bundle and action ids, device codes and
    /// verification URIs, dates (which then no longer parse).
    public var text = false
    /// Integer attributes at the limits of `Int64` appended to every `cooked` post, the
    /// kind of post that once trapped the renderer's list numbering.
    public var integers = false

    public init(text: Bool = false, integers: Bool = false) {
        self.text = text
        self.integers = integers
    }

    public var isActive: Bool { text || integers }

    /// What `text` appends: ESC sequences (clear screen, OSC 52 clipboard write, OSC title,
    /// DCS), BEL, DEL, the 8-bit CSI U+009B, a bare CR and backspace, and the bidirectional
    /// override and isolate that reverse what follows on terminals that apply them.
    public static let escapes =
        "\u{1B}[2J\u{1B}]52;c;aG9zdGlsZQ==\u{07}\u{1B}]0;pwned\u{07}\u{9B}31m\u{7F}\u{1B}P+q\u{1B}\\\r\u{08}\u{202E}live\u{2066}\u{2069}"

    /// What `integers` appends to cooked HTML: list starts and item values, spans, image sizes
    /// and quote numbers at and beyond the limits of a 64-bit integer.
    public static let integerHTML = """
        <ol start="9223372036854775807"><li>overflow start a</li><li>overflow start b</li></ol>\
        <ol reversed start="-9223372036854775808"><li>reversed a</li><li>reversed b</li></ol>\
        <ol><li value="123456789012345678901234567890">value a</li><li>value b</li></ol>\
        <table><tr><th colspan="9223372036854775807" rowspan="-9223372036854775808">h</th></tr>\
        <tr><td colspan="99999999999999999999">cell</td></tr></table>\
        <p><img src="/uploads/limits.png" width="9223372036854775807" height="-9223372036854775808" alt="limits"></p>\
        <aside class="quote" data-username="limits" data-post="-9223372036854775808" data-topic="9223372036854775807">\
        <blockquote><p>quoted at the limits</p></blockquote></aside>
        """

    /// `response` rewritten; answers that are not JSON are left as they are.
    public func apply(to response: APIResponse) -> APIResponse {
        guard isActive,
            response.headers.contains(where: { $0.name.lowercased() == "content-type" && $0.value.contains("json") }),
            let value = JSONValue.parse(response.body)
        else { return response }
        var rewritten = response
        rewritten.body = rewrite(value, key: nil).encoded()
        return rewritten
    }

    func rewrite(_ value: JSONValue, key: String?) -> JSONValue {
        switch value {
        case .string(var string):
            if integers && key == "cooked" { string += Self.integerHTML }
            if text { string += Self.escapes }
            return .string(string)
        case .array(let items):
            return .array(items.map { rewrite($0, key: key) })
        case .object(let object):
            var out = JSONObject()
            for entry in object.entries { out[entry.key] = rewrite(entry.value, key: entry.key) }
            return .object(out)
        default:
            return value
        }
    }
}
