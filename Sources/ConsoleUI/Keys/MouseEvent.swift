/// One mouse event, as the terminal reports it in SGR (1006) mode: which button did what, and where (0-based
/// cell). Motion is not reported (mode 1000, not 1002/1003): a still console stays still.
public struct MouseEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case leftPress, leftRelease, wheelUp, wheelDown
        /// A button the console does not use (middle, right), or a modifier held.
        case other
    }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }

    /// Decodes the part of an SGR report after `ESC [ <`: `Cb;Cx;Cy` then `M` (press) or `m` (release).
    /// Coordinates are 1-based on the wire. Nil when it is not one.
    public static func sgr(_ body: String) -> MouseEvent? {
        guard let last = body.last, last == "M" || last == "m" else { return nil }
        let numbers = body.dropLast().split(separator: ";").compactMap { Int($0) }
        guard numbers.count == 3, numbers[1] >= 1, numbers[2] >= 1 else { return nil }
        let button = numbers[0]
        let kind: Kind
        // Shift, Meta or Ctrl held (4, 8, 16) or motion (32): not a plain click; Shift never reaches here in
        // most terminals (it selects text instead).
        if button & (4 | 8 | 16 | 32) != 0 {
            kind = .other
        } else {
            switch (button, last) {
            case (0, "M"): kind = .leftPress
            case (0, "m"): kind = .leftRelease
            case (64, "M"): kind = .wheelUp
            case (65, "M"): kind = .wheelDown
            default: kind = .other
            }
        }
        return MouseEvent(kind, x: numbers[1] - 1, y: numbers[2] - 1)
    }
}
