import CCurl
import ForaCore
import Foundation

/// One request in flight on a libcurl easy handle: the collected body and headers, the
/// request's header list (freed when done), and the suspended caller waiting for the result.
final class CurlTransfer: @unchecked Sendable {
    let request: HTTPRequest
    var body: [UInt8] = []
    var headers: [String: String] = [:]
    var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    /// The body may grow to this many bytes; the write callback stops the transfer beyond it.
    private(set) var maximumBodyBytes = Int.max
    /// Set when the body outgrew `maximumBodyBytes` (libcurl then reports a write error).
    var exceededBodyLimit = false
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let continuation: CheckedContinuation<HTTPResponse, any Error>
    private let lock = NSLock()
    private var cancelledFlag = false
    private var resumed = false

    init(request: HTTPRequest, continuation: CheckedContinuation<HTTPResponse, any Error>) {
        self.request = request
        self.continuation = continuation
    }

    deinit { curl_slist_free_all(headerList) }

    /// Set from any thread when the awaiting task is cancelled; the progress callback then
    /// aborts the transfer.
    var isCancelled: Bool {
        get { lock.withLock { cancelledFlag } }
        set { lock.withLock { cancelledFlag = newValue } }
    }

    /// Resumes the caller once, whatever happens later.
    func finish(_ result: Result<HTTPResponse, any Error>) {
        let first = lock.withLock {
            defer { resumed = true }
            return !resumed
        }
        guard first else { return }
        continuation.resume(with: result)
    }

    /// Puts every option of this request on `handle` (reset first, so a reused handle keeps
    /// only its connection cache and TLS sessions).
    func configure(_ handle: UnsafeMutableRawPointer, options: HTTPClientConfiguration) {
        curl_easy_reset(handle)
        var allHeaders = ["Accept": "application/json"]
        allHeaders.merge(request.headers) { $1 }
        if request.body != nil, allHeaders["Content-Type"] == nil {
            allHeaders["Content-Type"] = "application/x-www-form-urlencoded"
        }
        for (name, value) in allHeaders.sorted(by: { $0.key < $1.key }) {
            headerList = curl_slist_append(headerList, "\(name): \(value)")
        }
        // No `Expect: 100-continue` round trip before a large body.
        headerList = curl_slist_append(headerList, "Expect:")
        let context = Unmanaged.passUnretained(self).toOpaque()
        _ = fora_easy_setopt_string(handle, CURLOPT_URL, request.url)
        switch request.method {
        case "GET": break
        case "HEAD": _ = fora_easy_setopt_long(handle, CURLOPT_NOBODY, 1)
        case "POST": _ = fora_easy_setopt_long(handle, CURLOPT_POST, 1)
        default: _ = fora_easy_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method)
        }
        if let body = request.body ?? (["POST", "PUT"].contains(request.method) ? [] : nil) {
            _ = fora_easy_setopt_off(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
            // COPYPOSTFIELDS copies `POSTFIELDSIZE` bytes, so the body need not outlive this
            // call; the trailing zero keeps the pointer valid for an empty body.
            var padded = body
            padded.append(0)
            padded.withUnsafeMutableBytes { buffer in
                _ = fora_easy_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, buffer.baseAddress)
            }
        }
        _ = fora_easy_setopt_string(handle, CURLOPT_USERAGENT, "fora/\(ForaVersion.current)")
        _ = fora_easy_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")
        _ = fora_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList)
        _ = fora_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = fora_easy_setopt_long(handle, CURLOPT_TCP_KEEPALIVE, 1)
        _ = fora_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, options.connectTimeoutMilliseconds)
        _ = fora_easy_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, options.lowSpeedLimitBytes)
        _ = fora_easy_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, options.lowSpeedTimeSeconds)
        if options.totalTimeoutSeconds > 0 {
            _ = fora_easy_setopt_long(handle, CURLOPT_TIMEOUT, options.totalTimeoutSeconds)
        }
        // Redirects are answered to HTTPClient, which follows them only within the site's
        // origin (RedirectPolicy): libcurl would re-send the key headers to any host. Should
        // following ever be turned on, only http and https are allowed.
        _ = fora_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)
        _ = fora_easy_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        maximumBodyBytes = max(1, options.maximumResponseBytes)
        // An announced Content-Length over the limit stops the transfer before the body.
        _ = fora_easy_setopt_off(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(maximumBodyBytes))
        _ = fora_easy_setopt_long(handle, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS))
        // Over TLS, where HTTP/2 may be negotiated, a transfer waits for a connection being set
        // up to say whether it multiplexes instead of opening its own: parallel requests then
        // share one connection (the multi handle allows CURLPIPE_MULTIPLEX). Plain http:// is
        // HTTP/1.1 here, so waiting would only delay the parallel connections.
        if request.url.lowercased().hasPrefix("https://") {
            _ = fora_easy_setopt_long(handle, CURLOPT_PIPEWAIT, 1)
        }
        // TLS is always verified; a CA file can be added, verification cannot be turned off.
        _ = fora_easy_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1)
        _ = fora_easy_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2)
        if let caFile = options.caFile { _ = fora_easy_setopt_string(handle, CURLOPT_CAINFO, caFile) }
        // libcurl reads http_proxy, https_proxy, all_proxy and no_proxy from the environment
        // itself; uppercase HTTPS_PROXY/ALL_PROXY too. Nothing to set here.
        _ = fora_easy_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION, transferWriteCallback)
        _ = fora_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, context)
        _ = fora_easy_setopt_data_callback(handle, CURLOPT_HEADERFUNCTION, transferHeaderCallback)
        _ = fora_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, context)
        _ = fora_easy_setopt_long(handle, CURLOPT_NOPROGRESS, 0)
        _ = fora_easy_setopt_xferinfo_callback(handle, CURLOPT_XFERINFOFUNCTION, transferProgressCallback)
        _ = fora_easy_setopt_pointer(handle, CURLOPT_XFERINFODATA, context)
        _ = fora_easy_setopt_pointer(handle, CURLOPT_PRIVATE, context)
        errorBuffer.withUnsafeMutableBufferPointer { buffer in
            _ = fora_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(buffer.baseAddress))
        }
    }

    /// The text libcurl wrote into the error buffer, if any.
    var errorDetail: String {
        errorBuffer.withUnsafeBufferPointer { buffer in buffer.baseAddress.map { String(cString: $0) } ?? "" }
    }
}

private let transferWriteCallback: fora_curl_data_callback = { data, size, count, context in
    let total = size * count
    guard let data, let context else { return total }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    // Counted after decompression, so a small compressed bomb is stopped too.
    guard total <= transfer.maximumBodyBytes - transfer.body.count else {
        transfer.exceededBodyLimit = true
        return 0  // libcurl ends the transfer with CURLE_WRITE_ERROR
    }
    data.withMemoryRebound(to: UInt8.self, capacity: total) { bytes in
        transfer.body.append(contentsOf: UnsafeBufferPointer(start: bytes, count: total))
    }
    return total
}

private let transferHeaderCallback: fora_curl_data_callback = { data, size, count, context in
    let total = size * count
    guard let data, let context else { return total }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    let line = data.withMemoryRebound(to: UInt8.self, capacity: total) { bytes in
        String(decoding: UnsafeBufferPointer(start: bytes, count: total), as: UTF8.self)
    }
    if line.hasPrefix("HTTP/") { transfer.headers = [:] }  // a new response (after a redirect)
    if let colon = line.firstIndex(of: ":") {
        let name = line[..<colon].lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        transfer.headers[name] = value
    }
    return total
}

/// Aborts the transfer (CURLE_ABORTED_BY_CALLBACK) once its task has been cancelled.
private let transferProgressCallback: fora_curl_xferinfo_callback = { context, _, _, _, _ in
    guard let context else { return 0 }
    return Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue().isCancelled ? 1 : 0
}
