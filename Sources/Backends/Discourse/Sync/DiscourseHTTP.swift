/// The two HTTP calls the sync source and the outbox transport need, as closures: over a
/// `DiscourseService`'s client in the app (`init(service:)`), over a loopback client in the
/// store's tests. Paths are relative to the site (`/latest.json?page=1`). Both throw
/// `ForaError` for an HTTP error status (`HTTPStatusMapping` does that), and
/// anything else for a transfer that failed (which, for a write, means its outcome is unknown).
public struct DiscourseHTTP: Sendable {
    public var get: @Sendable (_ path: String) async throws -> [UInt8]
    public var send: @Sendable (_ method: String, _ path: String, _ form: [FormField]) async throws -> [UInt8]

    public init(
        get: @escaping @Sendable (_ path: String) async throws -> [UInt8],
        send: @escaping @Sendable (_ method: String, _ path: String, _ form: [FormField]) async throws -> [UInt8]
    ) {
        self.get = get
        self.send = send
    }
}

/// One `application/x-www-form-urlencoded` field (Rails-style names: `timings[3]`).
public struct FormField: Equatable, Sendable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// The encoded body of `fields`.
    public static func encode(_ fields: [FormField]) -> String {
        fields.map { escape($0.name) + "=" + escape($0.value) }.joined(separator: "&")
    }

    static func escape(_ text: String) -> String {
        var allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~".utf8)
        allowed.remove(UInt8(ascii: "+"))
        var out = ""
        for byte in text.utf8 {
            if allowed.contains(byte) {
                out.append(Character(Unicode.Scalar(byte)))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
