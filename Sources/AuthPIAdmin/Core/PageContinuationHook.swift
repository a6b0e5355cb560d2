/// How a page request made for a ``PageSequence`` read-ahead tells what its envelope says of the next page as
/// soon as the body arrives, before the items are parsed: the next request then overlaps this page's parse.
///
/// A task-local, set only around the read-ahead's own requests, so every accessor's `listAll` gets it without
/// passing anything through. The parsed page stays the truth: the read-ahead checks the next cursor against it.
enum PageContinuationHook {
    @TaskLocal static var current: (@Sendable (ListContinuation) -> Void)?
}
