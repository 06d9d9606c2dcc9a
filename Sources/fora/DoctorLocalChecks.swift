import ForaCore
import ForaStore
import ForaTUI
import Foundation

/// The checks of `fora doctor` that need no network: the terminal, config.toml, the
/// credentials file and the local stores. Each takes the environment, so tests can point it
/// at a scratch home.
enum DoctorLocalChecks {
    static func terminal(environment: [String: String]) -> [DoctorCheck] {
        var checks: [DoctorCheck] = []
        let charset = TerminalProbe.localeCharacterSet()
        if charset.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8" {
            checks.append(.ok("terminal", "the locale's character set is UTF-8"))
        } else {
            checks.append(
                .problem(
                    "terminal",
                    "the locale's character set is \(charset.isEmpty ? "unknown" : charset), not UTF-8: "
                        + "accents, CJK, emoji and box lines will not draw",
                    fix: "use a UTF-8 locale, e.g. `export LANG=C.UTF-8` (`locale -a` lists those installed)"))
        }
        let term = environment["TERM"] ?? ""
        guard !term.isEmpty else {
            checks.append(
                .problem(
                    "terminal", "TERM is not set", fix: "run fora in a terminal, or `export TERM=xterm-256color`"))
            return checks
        }
        guard let colors = TerminalProbe.terminfoColors(term: term) else {
            checks.append(
                .problem(
                    "terminal", "no terminfo entry for TERM=\(term)",
                    fix: "install it (`apt install ncurses-term` has most) or set TERM to one that exists, "
                        + "e.g. xterm-256color"))
            return checks
        }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty {
            checks.append(.ok("terminal", "TERM=\(term) has a terminfo entry; NO_COLOR is set, so no colours"))
        } else if colors >= 256 {
            let truecolor = ["truecolor", "24bit"].contains(environment["COLORTERM"] ?? "")
            checks.append(
                .ok("terminal", "TERM=\(term): \(colors) colours\(truecolor ? ", 24-bit (COLORTERM)" : "")"))
        } else {
            checks.append(
                .warning(
                    "terminal", "TERM=\(term) has only \(colors) colours: themes are mapped to the nearest",
                    fix: "use a 256-colour entry if the terminal has one, e.g. TERM=xterm-256color "
                        + "(tmux-256color inside tmux)"))
        }
        return checks
    }

    /// config.toml parses, and what it names exists: sites with http(s) URLs, CA files, the
    /// default site, the theme.
    static func configuration(environment: [String: String], executablePath: String) -> [DoctorCheck] {
        let path = XDGPaths(environment: environment).config + "/config.toml"
        guard FileManager.default.fileExists(atPath: path) else {
            return [.ok("config", "no \(path): defaults apply (give a site with --site or FORA_SITE)")]
        }
        let config: ConfigFile
        do {
            config = try ConfigFile.load(path: path)
        } catch {
            let reason = (error as? ForaError)?.message ?? "\(error)"
            return [.problem("config", "\(path): \(reason)", fix: "correct it (`man fora`, section CONFIGURATION)")]
        }
        var checks: [DoctorCheck] = []
        for (name, site) in config.sites.sorted(by: { $0.key < $1.key }) {
            checks += siteEntry(name: name, site: site)
        }
        if let chosen = config.defaultSite, config.sites[chosen] == nil, URL(string: chosen)?.scheme == nil {
            checks.append(
                .problem(
                    "config", "default_site = \"\(chosen)\" names no [sites.\(chosen)] table",
                    fix: "add the table or correct the name in \(path)"))
        }
        if let theme = config.theme {
            do {
                _ = try ThemeLoader.load(named: theme, environment: environment, executablePath: executablePath)
            } catch {
                checks.append(
                    .problem(
                        "config", "theme = \"\(theme)\": \(error)",
                        fix: "pick a shipped theme (default, light, solarized-dark, solarized-light, "
                            + "high-contrast, monochrome) or put NAME.toml in "
                            + XDGPaths(environment: environment).config + "/themes"))
            }
        }
        if checks.allSatisfy({ $0.status == .ok }) {
            checks.insert(.ok("config", "\(path) is valid (\(config.sites.count) site(s))"), at: 0)
        }
        return checks
    }

    private static func siteEntry(name: String, site: ConfigFile.Site) -> [DoctorCheck] {
        guard let url = URL(string: site.url), let scheme = url.scheme?.lowercased(),
            ["http", "https"].contains(scheme),
            url.host?.isEmpty == false
        else {
            return [
                .problem(
                    "config", "[sites.\(name)] url = \"\(site.url)\" is not an http(s) address",
                    fix: "write the forum's base URL, e.g. https://forum.example.com")
            ]
        }
        var checks: [DoctorCheck] = []
        if let caFile = site.caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            checks.append(
                .problem(
                    "config", "[sites.\(name)] ca_file \(caFile) cannot be read",
                    fix: "point ca_file at the PEM file of the site's CA"))
        }
        if scheme == "http", !["127.0.0.1", "localhost", "::1"].contains(url.host ?? "") {
            checks.append(
                .warning(
                    "config", "[sites.\(name)] uses plain http: keys and posts cross the network unencrypted",
                    fix: "use the site's https:// address"))
        }
        return checks
    }

    /// The credentials file holds API keys: it must be the user's and mode 0600.
    static func credentials(environment: [String: String]) -> [DoctorCheck] {
        let path = XDGPaths(environment: environment).config + "/credentials.toml"
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            return [.ok("credentials", "no credentials file (not logged in with `fora login` anywhere)")]
        }
        var checks: [DoctorCheck] = []
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
        if mode & 0o077 != 0 {
            checks.append(
                .problem(
                    "credentials", "\(path) has mode \(String(mode, radix: 8)): other users can read your keys",
                    fix: "chmod 600 \(path)"))
        }
        if let owner = (attributes[.ownerAccountID] as? NSNumber)?.uint32Value, owner != getuid() {
            checks.append(
                .problem(
                    "credentials", "\(path) belongs to user id \(owner), not you",
                    fix: "chown $(id -u) \(path), or log in again (`fora login`)"))
        }
        do {
            let entries = try CredentialStore(path: path).all()
            if checks.isEmpty {
                checks.append(.ok("credentials", "\(path): mode 600, \(entries.count) login(s)"))
            }
        } catch {
            checks.append(
                .problem(
                    "credentials", "\(path) cannot be read: \((error as? ForaError)?.message ?? "\(error)")",
                    fix: "remove it and log in again with `fora login`"))
        }
        return checks
    }

    /// Every account's store: sound, schema known to this fora, private.
    static func stores(environment: [String: String]) -> [DoctorCheck] {
        let folder = XDGPaths(environment: environment).data
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".sqlite") }.sorted()
        guard !files.isEmpty else { return [.ok("store", "no local store yet in \(folder) (made on first use)")] }
        return files.flatMap { store(path: folder + "/" + $0) }
    }

    private static func store(path: String) -> [DoctorCheck] {
        let fix = "move it aside (fora makes a new one; unsent writes in its outbox would be lost)"
        let diagnosis: StoreDiagnosis
        do {
            diagnosis = try StoreDiagnosis.examine(path: path)
        } catch {
            return [.problem("store", "\(path) cannot be opened: \(error)", fix: fix)]
        }
        var checks: [DoctorCheck] = []
        if !diagnosis.isSound {
            checks.append(
                .problem(
                    "store", "\(path) is damaged: " + diagnosis.integrity.prefix(3).joined(separator: "; "),
                    fix: "fora recovers it on the next start (the damaged file is kept beside it); or " + fix))
        }
        if !diagnosis.unknownVersions.isEmpty {
            checks.append(
                .problem(
                    "store",
                    "\(path) was written by a newer fora (schema \(diagnosis.unknownVersions.joined(separator: ", ")))",
                    fix: "update fora"))
        }
        let mode =
            ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber)?.intValue ?? 0
        if mode & 0o077 != 0 {
            // A warning, not a problem: stores made before fora created them 0600 are readable.
            checks.append(
                .warning(
                    "store", "\(path) has mode \(String(mode, radix: 8)): other users can read your messages",
                    fix: "chmod 600 \(path)"))
        }
        if !checks.contains(where: { $0.status == .problem }) {
            let schema =
                diagnosis.pendingVersions.isEmpty
                ? "schema \(diagnosis.appliedVersions.last ?? "none")"
                : "schema \(diagnosis.appliedVersions.last ?? "none"), upgraded to \(StoreSchema.versions.last ?? "") on next use"
            checks.append(
                .ok(
                    "store",
                    "\(path): integrity ok, \(ByteCountFormatter.string(fromByteCount: diagnosis.bytes, countStyle: .file)), \(schema)"
                ))
        }
        return checks
    }
}
