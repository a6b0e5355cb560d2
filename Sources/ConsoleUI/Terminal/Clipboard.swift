import Foundation

/// The clipboard through the terminal: OSC 52 asks the terminal (and tmux with `set-clipboard on`, and ssh in
/// between) to put text on the user's clipboard. A terminal may refuse it; the notice says so.
public enum Clipboard {
    /// The escape sequence that sets the clipboard ("c") to `text`, base64-encoded, BEL-terminated.
    public static func osc52(_ text: String) -> String {
        "\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}"
    }

    /// The notice after a copy: what was copied, and that the terminal must allow it.
    public static func notice(copied what: String) -> String {
        "\(what) (OSC 52; your terminal must allow it)"
    }
}
