/// hubsh's version, in this one place: `hubsh --version` prints it.
public enum HubshVersion {
    public static let current = "0.1.0"
}
