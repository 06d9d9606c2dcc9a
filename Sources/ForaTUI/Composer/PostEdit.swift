/// Editing one's own post: which post, and the text it had when the composer opened (sent as
/// `original_text`, so an edit made meanwhile by someone else is a conflict, never overwritten).
public struct PostEdit: Equatable, Sendable {
    public var postID: Int
    public var postNumber: Int
    public var originalRaw: String

    public init(postID: Int, postNumber: Int, originalRaw: String) {
        self.postID = postID
        self.postNumber = postNumber
        self.originalRaw = originalRaw
    }
}

/// The site refused an edit because the post changed meanwhile; `theirs` is its text now.
/// The composer then shows the difference and asks: keep mine, take theirs, or edit on.
public struct EditConflict: Error, Equatable, Sendable {
    public var theirs: String

    public init(theirs: String) { self.theirs = theirs }
}
