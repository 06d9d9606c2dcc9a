// The pending requests of the device-code flow, kept beside the community state as Discourse
// keeps them in Redis: a request lives `lifetime` seconds (600), is approved or denied by a
// user on the activation page, and an approved payload is handed out once, within a minute.
// Polling faster than `interval` is answered `slow_down`.
import DemoCommunity
import Foundation

final class DeviceAuthorizations: @unchecked Sendable {
    private static let companions = StateCompanions { DeviceAuthorizations() }
    static func of(_ state: CommunityState) -> DeviceAuthorizations { companions.of(state) }

    enum Decision: Sendable {
        case pending
        case authorized(payload: String, until: Date)
        case denied
    }

    struct Pending: Sendable {
        var deviceCode: String
        var userCode: String
        /// The short token of `verification_uri_with_request`.
        var requestToken: String
        var request: UserApiKeyRequest
        var expiresAt: Date
        var lastPolledAt: Date?
        var decision: Decision = .pending
    }

    private let lock = NSLock()
    private var pending: [String: Pending] = [:]
    private var storedInterval = 5
    private var storedLifetime: TimeInterval = 600

    /// Seconds a client must wait between polls (the `interval` of the answer). Tests
    /// shorten it, and the request lifetime, to run the flow quickly.
    var interval: Int {
        get { lock.withLock { storedInterval } }
        set { lock.withLock { storedInterval = newValue } }
    }
    var lifetime: TimeInterval {
        get { lock.withLock { storedLifetime } }
        set { lock.withLock { storedLifetime = newValue } }
    }
    static let payloadLifetime: TimeInterval = 60

    func begin(_ request: UserApiKeyRequest, now: Date = Date()) -> Pending {
        lock.withLock {
            var generator = SystemRandomNumberGenerator()
            func hex(_ bytes: Int) -> String {
                (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
            }
            // Letters people cannot confuse, as device codes are typed by hand.
            let alphabet = Array("BCDFGHJKLMNPQRSTVWXZ")
            let letters = String((0..<8).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
            let entry = Pending(
                deviceCode: hex(32), userCode: "\(letters.prefix(4))-\(letters.suffix(4))", requestToken: hex(4),
                request: request, expiresAt: now.addingTimeInterval(storedLifetime))
            pending[entry.deviceCode] = entry
            return entry
        }
    }

    /// The request a user code or request token names, if still open.
    func find(userCode: String? = nil, requestToken: String? = nil, now: Date = Date()) -> Pending? {
        lock.withLock {
            let wanted = userCode.map { $0.uppercased().replacingOccurrences(of: " ", with: "") }
            return pending.values.first { entry in
                entry.expiresAt > now
                    && ((wanted != nil && entry.userCode == wanted)
                        || (requestToken != nil && entry.requestToken == requestToken))
            }
        }
    }

    /// Records the user's answer on the activation page.
    func decide(deviceCode: String, _ decision: Decision) {
        lock.withLock { pending[deviceCode]?.decision = decision }
    }

    /// The poll answer (`authorization_pending`, `slow_down`, `authorized` with the payload,
    /// `access_denied`, `expired_token`); a final answer forgets the request.
    func poll(deviceCode: String, now: Date = Date()) -> JSONValue {
        lock.withLock {
            guard let entry = pending[deviceCode], entry.expiresAt > now else {
                pending[deviceCode] = nil
                return ["status": "expired_token"]
            }
            defer { if pending[deviceCode] != nil { pending[deviceCode]?.lastPolledAt = now } }
            switch entry.decision {
            case .denied:
                pending[deviceCode] = nil
                return ["status": "access_denied"]
            case .authorized(let payload, let until):
                pending[deviceCode] = nil
                return until > now
                    ? ["status": "authorized", "payload": .string(payload)] : ["status": "expired_token"]
            case .pending:
                if let last = entry.lastPolledAt, now.timeIntervalSince(last) < Double(storedInterval) {
                    return ["status": "slow_down"]
                }
                return ["status": "authorization_pending"]
            }
        }
    }
}
