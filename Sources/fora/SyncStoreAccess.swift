import DiscourseBackend
import ForaCore
import ForaNet
import ForaStore
import Foundation

/// How the store commands reach the local store and, through ForaNet, the community: the
/// store's Discourse adapters get ForaNet's client (pacing, retries of reads, error mapping)
/// as two closures, so ForaStore never imports ForaNet.
enum StoreAccess {
    /// The account's store, recovering (and saying so on stderr) from a damaged file.
    static func open(_ site: SiteConfiguration) throws -> Store {
        explainOrAdoptLoginStore(site)
        let path = StoreLocation.databasePath(baseURL: site.baseURL, username: site.accountUsername)
        do {
            let (store, recovery) = try StoreOpener.open(at: path)
            if let recovery { Output.error("fora: \(recovery.message)") }
            return store
        } catch let error as StoreError {
            throw CommandFailure(error.foraError)
        }
    }

    /// A `fora login` account's store was `anonymous@host` before fora recorded its username:
    /// it moves to the account's own file once the username is known; a login made before
    /// (no username recorded) is told to log in again.
    private static func explainOrAdoptLoginStore(_ site: SiteConfiguration) {
        guard site.userAPIKey != nil, site.apiKey == nil else { return }
        guard let username = site.accountUsername else {
            FileHandle.standardError.write(
                Data(
                    ("fora: your login to \(site.hostAndPort) does not record your username, so unsent writes cannot"
                        + " be checked against the site before a retry; run `fora login` again\n").utf8))
            return
        }
        do {
            if let moved = try StoreLocation.adoptAnonymousStore(baseURL: site.baseURL, username: username) {
                FileHandle.standardError.write(Data("fora: \(moved)\n".utf8))
            }
        } catch let error as StoreError {
            FileHandle.standardError.write(Data("fora: \(error.message)\n".utf8))
        } catch {}
    }

    /// Runs a store call, turning its StoreError into the command's exit.
    static func run<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as StoreError {
            throw CommandFailure(error.foraError)
        } catch let error as ForaError {
            throw CommandFailure(error)
        }
    }

    static func http(_ service: DiscourseService) -> DiscourseHTTP { DiscourseHTTP(service: service) }
}
