public enum AuthPIAdminVersion { public static let string = "0.1.0" }
