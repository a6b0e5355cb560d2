/// The version of this client, sent in its `User-Agent` (`authpi-admin-swift/<version>`).
public enum AuthPIAdminVersion {
    /// The version string.
    public static let string = "0.1.0"
}
