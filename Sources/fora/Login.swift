import ArgumentParser
import DiscourseBackend
import ForaCore
import ForaNet
import Foundation

/// `fora login`: obtains a User API Key the way Discourse's own apps do, and keeps it in
/// credentials.toml (mode 0600). The device-code flow is used when the site offers it;
/// otherwise the user opens a URL, approves, and pastes the payload shown.
struct Login: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Log in to a site with a User API Key.")
    @OptionGroup var globals: GlobalOptions
    @Flag(help: "Use the open-a-URL-and-paste flow even when the site offers the device flow.") var paste = false

    mutating func run() async throws {
        let site = try globals.configuration()
        let paths = XDGPaths()
        let clientID = try withFailuresSync {
            try InstallIdentity.clientID(paths: paths, make: UserAPIKeyLogin.newClientID)
        }
        let login = try withFailuresSync { try UserAPIKeyLogin(siteURL: site.baseURL, clientID: clientID) }
        // No key yet, but the site's CA file and limits (a private CA must work for login too).
        let probe = DiscourseService(site: site.withoutCredentials(), pacing: .off)
        let capabilities = try await withFailures { try await probe.capabilities() }
        guard capabilities.userAPIKeyVersion != nil else {
            throw CommandFailure(.other("\(site.hostAndPort) does not offer User API Keys; use --api-key instead"))
        }
        let payload: UserAPIKeyPayload
        if capabilities.deviceFlow && !paste {
            payload = try await deviceFlow(login, client: probe.client)
        } else {
            payload = try pasteFlow(login)
        }
        var signedIn = site.withoutCredentials()
        signedIn.userAPIKey = payload.key
        signedIn.userAPIClientID = clientID
        // The key does not name its user: the username is recorded with it, for the store's
        // file, the outbox's duplicate checks and the private messages list.
        let who = try? await DiscourseService(site: signedIn).currentUser()
        try withFailuresSync {
            try CredentialStore(paths: paths).save(
                CredentialStore.Entry(userAPIKey: payload.key, clientID: clientID, username: who?.username),
                for: site.baseURL)
        }
        say("logged in to \(site.hostAndPort)" + (who.map { " as \($0.username)" } ?? ""))
        if who == nil {
            say("(the site did not say who you are; run `fora login` again so writes can be checked before a retry)")
        }
    }

    private func deviceFlow(_ login: UserAPIKeyLogin, client: HTTPClient) async throws -> UserAPIKeyPayload {
        let authorization = try await withFailures { try await login.startDeviceFlow(client: client) }
        say("Open \(authorization.verificationURIWithRequest ?? authorization.verificationURI)")
        say("and confirm the code \(authorization.userCode) (waiting up to \(authorization.expiresIn / 60) minutes)…")
        let deadline = Date().addingTimeInterval(Double(min(3600, max(0, authorization.expiresIn))))
        while Date() < deadline {
            // The server's interval, kept sane (it must not overflow, nor spin).
            let interval = UInt64(min(60, max(1, authorization.interval)))
            try await Task.sleep(nanoseconds: interval * 1_000_000_000)
            switch try await withFailures({ try await login.poll(authorization, client: client) }) {
            case .pending: continue
            case .authorized(let payload): return payload
            case .denied: throw CommandFailure(.forbidden("the request was denied in the browser"))
            case .expired: break
            }
            break
        }
        throw CommandFailure(.other("the code expired before it was confirmed; run `fora login` again"))
    }

    private func pasteFlow(_ login: UserAPIKeyLogin) throws -> UserAPIKeyPayload {
        say("Open this URL in a browser, approve fora, then paste the text it shows and press Enter twice:")
        say("")
        say(login.authorizationURL)
        say("")
        var lines: [String] = []
        while let line = readLine() {
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if lines.isEmpty { continue }
                break
            }
            lines.append(line)
        }
        guard !lines.isEmpty else { throw CommandFailure(.usage("no payload was pasted")) }
        return try withFailuresSync { try login.decrypt(payload: lines.joined()) }
    }

    private func say(_ text: String) {
        Output.error(text)
    }
}

/// `fora logout`: revokes the stored User API Key on the server and deletes it here.
struct Logout: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Revoke and forget the site's User API Key.")
    @OptionGroup var globals: GlobalOptions

    mutating func run() async throws {
        let site = try globals.configuration()
        let store = CredentialStore(paths: XDGPaths())
        guard let entry = try withFailuresSync({ try store.entry(for: site.baseURL) }) else {
            throw CommandFailure(.usage("not logged in to \(site.hostAndPort)"))
        }
        var signedIn = site.withoutCredentials()
        signedIn.userAPIKey = entry.userAPIKey
        signedIn.userAPIClientID = entry.clientID
        var note = ""
        do {
            try await DiscourseService(site: signedIn).revokeUserAPIKey()
        } catch ForaError.notLoggedIn, ForaError.forbidden {
            note = " (the server had already revoked the key)"
        } catch let error as ForaError {
            // The key still works on the site: keep it here, so logout can be tried again.
            Output.error(
                "fora: revoking the key on \(site.hostAndPort) failed: \(error.message); the key is kept here "
                    + "(run `fora logout` again, or revoke it in your preferences on the site)")
            throw ExitCode(error.exitCode)
        }
        try withFailuresSync { try store.remove(siteURL: site.baseURL) }
        Output.error("logged out of \(site.hostAndPort)\(note)")
    }
}

func withFailuresSync<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ForaError {
        throw CommandFailure(error)
    }
}
