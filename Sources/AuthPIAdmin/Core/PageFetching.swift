/// When a ``PageSequence`` asks for the next page.
public enum PageFetching: Sendable, Equatable {
    /// The next page is requested only when iteration has used up the current one.
    case onDemand
    /// The next page is requested as soon as the current page's cursor is known — when its body arrives,
    /// before its items are parsed — while the caller consumes the current page's items; never more than one
    /// page beyond the one being iterated or waited for. Stopping early (a `break`,
    /// dropping the iterator, cancelling the task) cancels that request and discards its page.
    case readAhead
}
