/// Which platform a site runs, chosen by its `backend` key in config.toml (Discourse when
/// absent). Each case is one folder under `Sources/Backends`; the front ends switch over it
/// once, where they build the site's services, and nowhere else.
public enum BackendKind: String, CaseIterable, Sendable {
    case discourse
}
