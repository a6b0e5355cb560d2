public enum AuthPIEmulatorInfo { public static let name = "authpi-emulator" }
