import ForaCore
import Foundation

/// Sends HTTP requests over libcurl: a multi handle runs up to N transfers in parallel with
/// pooled, reused easy handles (keep-alive, TLS session reuse). `send` is one raw transfer;
/// `fetch` adds pacing, retries and the mapping of error statuses to `ForaError`.
public final class HTTPClient: @unchecked Sendable {
    public let configuration: HTTPClientConfiguration
    private let engine: CurlMultiEngine?
    private let lock = NSLock()
    private var observer: (@Sendable (NetworkEvent) -> Void)?  // under lock

    public init(configuration: HTTPClientConfiguration = HTTPClientConfiguration()) {
        self.configuration = configuration
        engine = CurlMultiEngine(options: configuration)
    }

    public convenience init(caFile: String?) {
        var configuration = HTTPClientConfiguration()
        configuration.caFile = caFile
        self.init(configuration: configuration)
    }

    /// Called (on any thread) whenever a request waits: pacing, 429s, retries.
    public func observe(_ observer: (@Sendable (NetworkEvent) -> Void)?) {
        lock.withLock { self.observer = observer }
    }

    private func notify(_ event: NetworkEvent) {
        Self.log.info("\(event.message)")
        let observer = lock.withLock { self.observer }
        observer?(event)
    }

    /// Network and server errors go to the log file (never credentials: headers are not logged).
    static let log = ForaLog.logger("fora.net")

    private static func logFailure(_ error: any Error, for request: HTTPRequest) {
        guard let error = error as? ForaError else { return }
        let host = SiteConfiguration(baseURL: request.url).hostAndPort
        log.warning("\(request.method) \(host)\(RedirectPolicy.shown(request.endpoint)): \(error.message)")
    }

    /// One transfer, whatever its status. Throws `ForaError` for transport failures and
    /// `CancellationError` when the task is cancelled.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        do {
            return try await transfer(request)
        } catch let failure as CurlTransportError {
            Self.logFailure(failure.error, for: request)
            throw failure.error
        } catch {
            Self.logFailure(error, for: request)
            throw error
        }
    }

    /// One request, with the redirects `RedirectPolicy` allows followed; transport failures
    /// arrive as `CurlTransportError`, refused redirects as `ForaError.redirectRefused`.
    private func transfer(_ request: HTTPRequest) async throws -> HTTPResponse {
        var current = request
        var redirects = 0
        while true {
            let response = try await singleTransfer(current)
            guard let next = try RedirectPolicy.next(after: response, to: current, original: request) else {
                return response
            }
            redirects += 1
            guard redirects <= configuration.maximumRedirects else {
                throw ForaError.redirectRefused(
                    "the site redirected \(request.method) \(RedirectPolicy.shown(request.endpoint)) more than "
                        + "\(configuration.maximumRedirects) times")
            }
            current = next
        }
    }

    /// One transfer on the engine, whatever its status.
    private func singleTransfer(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard let engine else { throw ForaError.other("libcurl could not be initialised") }
        let box = TransferBox()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let transfer = CurlTransfer(request: request, continuation: continuation)
                box.set(transfer)
                engine.submit(transfer)
            }
        } onCancel: {
            box.cancel()
            engine.wake()
        }
    }

    /// Sends with pacing (when a pacer is given), waits out 429s, retries idempotent
    /// requests on transient failures with back-off and jitter, and maps error statuses to
    /// `ForaError` with `errors` (a backend's mapping reads its platform's error bodies too).
    public func fetch(
        _ request: HTTPRequest, pacer: RequestPacer? = nil, errors: any HTTPErrorMapping = HTTPStatusErrors()
    ) async throws -> HTTPResponse {
        do {
            return try await fetchWithRetries(request, pacer: pacer, errors: errors)
        } catch {
            Self.logFailure(error, for: request)
            throw error
        }
    }

    private func fetchWithRetries(
        _ request: HTTPRequest, pacer: RequestPacer?, errors: any HTTPErrorMapping
    ) async throws -> HTTPResponse {
        let policy = configuration.retry
        var retries = 0
        var rateLimitRetries = 0
        var rateLimitWaited = 0.0
        while true {
            try Task.checkCancellation()
            if let pacer {
                let (wait, reason) = await pacer.reserve()
                if wait > 0.01 {
                    notify(
                        NetworkEvent(
                            kind: .pacing(limit: reason ?? "pacing"), seconds: wait, endpoint: request.endpoint))
                    try await Self.sleep(wait)
                }
            }
            let response: HTTPResponse
            do {
                response = try await transfer(request)
            } catch let failure as CurlTransportError {
                guard request.retryable, retries < policy.maximumRetries, CurlErrorMapping.isTransient(failure.code),
                    !failure.brokeALimit
                else { throw failure.error }
                retries += 1
                let wait = policy.backoff(attempt: retries - 1)
                notify(
                    NetworkEvent(
                        kind: .retrying(attempt: retries, reason: failure.error.message), seconds: wait,
                        endpoint: request.endpoint))
                try await Self.sleep(wait)
                continue
            }
            if response.status == 429 {
                let wait = RetryAfter.seconds(for: response) ?? policy.defaultRateLimitWait
                if let pacer { await pacer.pause(for: wait) }
                if rateLimitRetries < policy.maximumRateLimitRetries
                    && rateLimitWaited + wait <= policy.maximumRateLimitWait
                {
                    rateLimitRetries += 1
                    rateLimitWaited += wait
                    notify(NetworkEvent(kind: .rateLimited, seconds: wait, endpoint: request.endpoint))
                    try await Self.sleep(wait)
                    continue
                }
                throw ForaError.rateLimited(waitSeconds: Int(wait.rounded(.up)))
            }
            if [502, 503, 504].contains(response.status), request.retryable, retries < policy.maximumRetries {
                retries += 1
                let wait = policy.backoff(attempt: retries - 1)
                notify(
                    NetworkEvent(
                        kind: .retrying(attempt: retries, reason: "server answered \(response.status)"), seconds: wait,
                        endpoint: request.endpoint))
                try await Self.sleep(wait)
                continue
            }
            if let error = errors.error(for: response, request: request) { throw error }
            return response
        }
    }

    private static func sleep(_ seconds: Double) async throws {
        guard seconds > 0 else { return }
        try await Task.sleep(nanoseconds: UInt64(min(seconds, 86_400) * 1_000_000_000))
    }
}

/// Hands the transfer to the cancellation handler, which may run before it exists.
private final class TransferBox: @unchecked Sendable {
    private let lock = NSLock()
    private var transfer: CurlTransfer?
    private var cancelled = false

    func set(_ transfer: CurlTransfer) {
        let alreadyCancelled = lock.withLock {
            self.transfer = transfer
            return cancelled
        }
        if alreadyCancelled { transfer.isCancelled = true }
    }

    func cancel() {
        let transfer = lock.withLock {
            cancelled = true
            return self.transfer
        }
        transfer?.isCancelled = true
    }
}
