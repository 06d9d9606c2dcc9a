import CCurl
import ForaCore
import Foundation

/// Runs transfers on one libcurl multi handle from a private thread: up to N at once, the
/// rest queued. Easy handles are pooled and reused, and the multi handle keeps the connection
/// cache, so keep-alive connections (and HTTP/2 multiplexing over TLS) carry over between
/// requests. The thread lives while there is work and exits when idle; the next request
/// starts a new one (never two at once: `threadRunning` is decided under the lock).
final class CurlMultiEngine: @unchecked Sendable {
    private let multi: UnsafeMutableRawPointer
    private let options: HTTPClientConfiguration
    private let lock = NSLock()
    private var waiting: [CurlTransfer] = []  // under lock
    private var threadRunning = false  // under lock
    // Touched only by the engine thread:
    private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]
    private var pool: [UnsafeMutableRawPointer] = []

    private static let globalInit: Void = { _ = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    init?(options: HTTPClientConfiguration) {
        _ = CurlMultiEngine.globalInit
        guard let multi = curl_multi_init() else { return nil }
        self.multi = multi
        self.options = options
        let parallel = max(1, options.maximumConcurrentTransfers)
        _ = fora_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, parallel)
        _ = fora_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, parallel * 2)
        _ = fora_multi_setopt_long(multi, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX))
    }

    deinit {
        // Only reached when no thread runs (the thread holds a strong reference).
        for handle in pool { curl_easy_cleanup(handle) }
        curl_multi_cleanup(multi)
    }

    /// Queues a transfer and wakes (or starts) the engine thread.
    func submit(_ transfer: CurlTransfer) {
        let startThread = lock.withLock {
            waiting.append(transfer)
            if threadRunning { return false }
            threadRunning = true
            return true
        }
        if startThread {
            let thread = Thread { [self] in runLoop() }
            thread.name = "fora.curl"
            thread.start()
        } else {
            curl_multi_wakeup(multi)
        }
    }

    /// Wakes the poll so a cancelled, still queued transfer is dropped promptly.
    func wake() { curl_multi_wakeup(multi) }

    private func runLoop() {
        while true {
            let idle: Bool = lock.withLock {
                if waiting.isEmpty && active.isEmpty {
                    threadRunning = false
                    return true
                }
                return false
            }
            if idle { return }
            let admitted = lock.withLock {
                let room = max(0, options.maximumConcurrentTransfers - active.count)
                let taken = Array(waiting.prefix(room))
                waiting.removeFirst(taken.count)
                return taken
            }
            for transfer in admitted { start(transfer) }
            var running: Int32 = 0
            _ = curl_multi_perform(multi, &running)
            collectFinished()
            if !active.isEmpty { _ = curl_multi_poll(multi, nil, 0, 200, nil) }
        }
    }

    private func start(_ transfer: CurlTransfer) {
        if transfer.isCancelled {
            transfer.finish(.failure(CancellationError()))
            return
        }
        guard let handle = pool.popLast() ?? curl_easy_init() else {
            transfer.finish(.failure(ForaError.other("libcurl could not create a transfer")))
            return
        }
        transfer.configure(handle, options: options)
        active[handle] = transfer
        if curl_multi_add_handle(multi, handle) != CURLM_OK {
            active[handle] = nil
            pool.append(handle)
            transfer.finish(.failure(ForaError.other("libcurl refused a transfer")))
        }
    }

    private static func transportFacts(_ handle: UnsafeMutableRawPointer) -> TransportFacts {
        var version = 0
        var connects = 0
        _ = fora_easy_getinfo_long(handle, CURLINFO_HTTP_VERSION, &version)
        _ = fora_easy_getinfo_long(handle, CURLINFO_NUM_CONNECTS, &connects)
        let names = [
            Int(CURL_HTTP_VERSION_1_0): "1.0", Int(CURL_HTTP_VERSION_1_1): "1.1", Int(CURL_HTTP_VERSION_2_0): "2",
            Int(CURL_HTTP_VERSION_3): "3",
        ]
        return TransportFacts(httpVersion: names[version] ?? "", newConnections: connects)
    }

    private func collectFinished() {
        var left: Int32 = 0
        while let message = curl_multi_info_read(multi, &left) {
            guard message.pointee.msg == CURLMSG_DONE, let handle = message.pointee.easy_handle else { continue }
            let code = fora_multi_msg_result(message)
            curl_multi_remove_handle(multi, handle)
            guard let transfer = active.removeValue(forKey: handle) else { continue }
            var status = 0
            _ = fora_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
            let facts = Self.transportFacts(handle)
            let detail = transfer.errorDetail
            let limit = CurlLimitErrors.error(code, transfer: transfer, handle: handle, options: options)
            _ = fora_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, nil)
            pool.append(handle)
            if let limit {
                transfer.finish(.failure(CurlTransportError(code: code, error: limit)))
            } else if code == CURLE_OK {
                transfer.finish(
                    .success(
                        HTTPResponse(status: status, headers: transfer.headers, body: transfer.body, transport: facts)))
            } else if code == CURLE_ABORTED_BY_CALLBACK && transfer.isCancelled {
                transfer.finish(.failure(CancellationError()))
            } else {
                let error = CurlErrorMapping.map(code, url: transfer.request.url, detail: detail)
                transfer.finish(.failure(CurlTransportError(code: code, error: error)))
            }
        }
    }
}
