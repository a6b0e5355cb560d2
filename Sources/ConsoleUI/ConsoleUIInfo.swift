import CNcurses
public enum ConsoleUIInfo { public static let name = "ConsoleUI" }
