/// A span of source text, `start..<end`, counted in Unicode scalars from the start of the text.
///
/// Scalars (not grapheme clusters) are the unit so that a quote or a `|` is always recognised, even when a
/// combining mark follows it; ``SourceText`` turns an offset into a line and a user-visible column.
public struct SourceRange: Sendable, Hashable, CustomStringConvertible {
    /// The offset of the first scalar in the range.
    public var start: Int
    /// The offset just past the last scalar in the range; never less than ``start``.
    public var end: Int

    /// A range from `start` to `end`; an `end` before `start` gives the empty range at `start`.
    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    /// The empty range at `offset`, e.g. the place where something is missing.
    public static func at(_ offset: Int) -> SourceRange { SourceRange(offset, offset) }

    /// The number of scalars in the range.
    public var length: Int { end - start }

    /// Whether the range covers nothing.
    public var isEmpty: Bool { start == end }

    /// The smallest range that covers both `self` and `other`.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(min(start, other.start), max(end, other.end))
    }

    /// Whether `offset` lies inside the range (`start <= offset < end`).
    public func contains(_ offset: Int) -> Bool { start <= offset && offset < end }

    /// Whether the whole range lies inside a text of `count` scalars.
    public func isWithin(count: Int) -> Bool { 0 <= start && start <= end && end <= count }

    /// `start..<end`, for debugging and test messages.
    public var description: String { "\(start)..<\(end)" }
}
