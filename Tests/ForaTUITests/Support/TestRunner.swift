import Dispatch
import Foundation
import XCTest

@testable import ForaTUI

/// Background work for tests: jobs queue up until `settle()` runs them one by one, each with a
/// deadline, and hands results back on the calling (main) thread, as the mailbox would.
final class TestRunner: BackgroundRunner, @unchecked Sendable {
    private let lock = NSLock()
    private var jobs: [() -> Void] = []

    var pending: Int {
        lock.lock()
        defer { lock.unlock() }
        return jobs.count
    }

    func run<T: Sendable>(
        _ work: @escaping @Sendable () async throws -> T,
        then: @escaping @MainActor @Sendable (Result<T, any Error>) -> Void
    ) {
        let job = {
            let box = ResultBox<T>()
            let done = DispatchSemaphore(value: 0)
            Task.detached {
                do {
                    box.set(.success(try await work()))
                } catch {
                    box.set(.failure(error))
                }
                done.signal()
            }
            guard done.wait(timeout: .now() + 5) == .success, let result = box.get() else {
                XCTFail("background job did not finish within 5 s")
                return
            }
            MainActor.assumeIsolated { then(result) }
        }
        lock.lock()
        jobs.append(job)
        lock.unlock()
    }

    /// Runs the oldest queued job only.
    func settleOne() {
        lock.lock()
        let job = jobs.isEmpty ? nil : jobs.removeFirst()
        lock.unlock()
        job?()
    }

    /// Runs the queued jobs newest first (answers arriving out of order), then settles.
    func settleNewestFirst() {
        lock.lock()
        let queued = jobs.reversed()
        jobs.removeAll()
        lock.unlock()
        for job in queued { job() }
        settle()
    }

    /// Runs queued jobs (and those they queue) until none are left; at most `limit` of them.
    func settle(limit: Int = 200) {
        for _ in 0..<limit {
            lock.lock()
            guard !jobs.isEmpty else {
                lock.unlock()
                return
            }
            let job = jobs.removeFirst()
            lock.unlock()
            job()
        }
        XCTFail("jobs kept coming after \(limit)")
    }
}

private final class ResultBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Result<T, any Error>?
    func set(_ result: Result<T, any Error>) {
        lock.lock()
        value = result
        lock.unlock()
    }
    func get() -> Result<T, any Error>? {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
