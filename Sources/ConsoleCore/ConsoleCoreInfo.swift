import AuthPIAdmin
public enum ConsoleCoreInfo { public static let name = "ConsoleCore" }
