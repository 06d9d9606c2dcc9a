/// The client version, shown by `--version` and sent in the User-Agent.
public enum ForaVersion {
    public static let current = "0.1.0"
}
