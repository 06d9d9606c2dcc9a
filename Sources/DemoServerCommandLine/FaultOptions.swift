// The fault flags of `fora-demo-server`, mapped onto `FaultSettings` (the same knobs
// `PUT /__demo/faults` changes while the server runs).
import ArgumentParser
import DemoServer
// Swift's String.trimmingCharacters lives in Foundation.
import Foundation

struct FaultOptions: ParsableArguments {
    @Option(name: .customLong("latency-ms"), help: "Milliseconds added before every API answer.")
    var latencyMs: Int = 0

    @Option(help: "Fraction (0…1) of API requests answered with a server error; 0.25 fails every 4th request.")
    var errorRate: Double = 0

    @Option(help: "Comma-separated statuses used, in turn, for those errors.")
    var errorStatuses: String = "500,502,503"

    @Option(help: "Answer 429 to every Nth API request.")
    var rateLimitEvery: Int = 0

    @Option(help: "Answer 429 to the next K API requests.")
    var rateLimitNext: Int = 0

    @Option(help: "The 429's form: json (API key limiter, with extras.wait_seconds) or text (per-IP limiter).")
    var rateLimitForm: String = "json"

    @Option(help: "Seconds announced by a 429 (Retry-After and wait_seconds).")
    var retryAfter: Int = 5

    @Flag(help: "Send Retry-After as an HTTP date instead of seconds.")
    var retryAfterDate = false

    @Option(help: "Drop the connection mid-body on every Nth API request.")
    var dropEvery: Int = 0

    @Option(help: "Drop the connection mid-body on the next K API requests.")
    var dropNext: Int = 0

    @Option(help: "Send a broken JSON body (status 200) on every Nth API request.")
    var malformedEvery: Int = 0

    @Option(help: "Send a broken JSON body on the next K API requests.")
    var malformedNext: Int = 0

    @Option(help: "How the body is broken: truncate (first half) or corrupt (garbage in the middle).")
    var malformedForm: String = "truncate"

    @Option(help: "Trickle the body slowly on every Nth API request.")
    var slowDripEvery: Int = 0

    @Option(help: "Trickle the body slowly on the next K API requests.")
    var slowDripNext: Int = 0

    @Option(name: .customLong("slow-drip-ms"), help: "Pause between slow-drip chunks, in milliseconds.")
    var slowDripMs: Int = 20

    @Option(help: "Bytes per slow-drip chunk.")
    var slowDripBytes: Int = 64

    @Flag(help: "Answer the message bus with 404, as a site without it does (clients fall back to polling).")
    var noMessageBus = false

    func settings() throws -> FaultSettings {
        var settings = FaultSettings()
        settings.messageBusDisabled = noMessageBus
        settings.latencyMs = latencyMs
        settings.errorRate = errorRate
        settings.errorStatuses = try errorStatuses.split(separator: ",").map { text in
            guard let status = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("--error-statuses takes comma-separated numbers, e.g. 500,502,503")
            }
            return status
        }
        settings.rateLimit = FaultSchedule(every: rateLimitEvery, next: rateLimitNext)
        guard let form = RateLimitForm(rawValue: rateLimitForm) else {
            throw ValidationError("--rate-limit-form is json or text")
        }
        settings.rateLimitForm = form
        settings.retryAfterSeconds = retryAfter
        settings.retryAfterAsDate = retryAfterDate
        settings.dropConnection = FaultSchedule(every: dropEvery, next: dropNext)
        settings.malformedJSON = FaultSchedule(every: malformedEvery, next: malformedNext)
        guard let malformed = MalformedForm(rawValue: malformedForm) else {
            throw ValidationError("--malformed-form is truncate or corrupt")
        }
        settings.malformedForm = malformed
        settings.slowDrip = FaultSchedule(every: slowDripEvery, next: slowDripNext)
        settings.slowDripDelayMs = slowDripMs
        settings.slowDripChunkBytes = slowDripBytes
        let problems = settings.problems
        guard problems.isEmpty else { throw ValidationError(problems.joined(separator: "; ")) }
        return settings
    }
}
