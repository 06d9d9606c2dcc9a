import Foundation

/// The stable `client_id` this install presents to User API Key servers, kept in the data
/// directory so re-logins replace the old key instead of piling up new ones.
public enum InstallIdentity {
    public static func clientID(paths: XDGPaths, make: () -> String) throws -> String {
        let path = paths.data + "/client_id"
        if let data = FileManager.default.contents(atPath: path) {
            let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { return text }
        }
        let id = make()
        try SecureFile.write(Data((id + "\n").utf8), to: path)
        return id
    }
}
