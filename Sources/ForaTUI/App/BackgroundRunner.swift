/// Runs work off the UI thread and hands the result back on it. The app's runner goes through
/// `UIMailbox`; tests use one they can settle deterministically.
public protocol BackgroundRunner: Sendable {
    func run<T: Sendable>(
        _ work: @escaping @Sendable () async throws -> T,
        then: @escaping @MainActor @Sendable (Result<T, any Error>) -> Void)
}

/// Detached tasks whose results are posted to the mailbox, which wakes the input loop.
public struct MailboxRunner: BackgroundRunner {
    let mailbox: UIMailbox

    public init(mailbox: UIMailbox) { self.mailbox = mailbox }

    public func run<T: Sendable>(
        _ work: @escaping @Sendable () async throws -> T,
        then: @escaping @MainActor @Sendable (Result<T, any Error>) -> Void
    ) {
        let mailbox = self.mailbox
        Task.detached {
            let result: Result<T, any Error>
            do {
                result = .success(try await work())
            } catch {
                result = .failure(error)
            }
            mailbox.post { then(result) }
        }
    }
}
