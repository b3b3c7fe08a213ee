/// Text helpers for search that work on UTF-8 bytes and allocate nothing for ASCII values: case-insensitive
/// comparison, words (runs of letters and digits), prefix and `*` wildcard matching.
///
/// ASCII letters are folded byte by byte; a value with other characters is lower-cased as a whole first.
enum SearchText {
    /// The byte with ASCII `A`–`Z` folded to lower case.
    @inline(__always)
    static func fold(_ byte: UInt8) -> UInt8 { byte &- 65 < 26 ? byte | 0x20 : byte }

    /// Whether a byte belongs to a word: an ASCII letter or digit, or part of a non-ASCII character.
    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte | 0x20) &- 97 < 26 || byte &- 48 < 10
    }

    /// The lower-cased UTF-8 bytes of `text`, for operands prepared once per request.
    static func lowered(_ text: String) -> [UInt8] { Array(text.lowercased().utf8) }

    /// The words of `text`, lower-cased: the runs of letters and digits.
    static func words(_ text: String) -> [[UInt8]] {
        withFoldable(text) { bytes in
            var words: [[UInt8]] = []
            var position = 0
            while let word = nextWord(bytes, from: position) {
                words.append(word.map { fold(bytes[$0]) })
                position = word.upperBound
            }
            return words
        }
    }

    /// Calls `body` with bytes of `text` that `fold` turns into the lower-cased text: the UTF-8 of `text`
    /// itself when it is ASCII, else of `text.lowercased()`.
    @inline(__always)
    static func withFoldable<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let direct: R?? = text.utf8.withContiguousStorageIfAvailable { bytes in
            isASCII(bytes) ? .some(body(bytes)) : .none
        }
        if let result = direct ?? nil { return result }
        return Array(text.lowercased().utf8).withUnsafeBufferPointer(body)
    }

    /// Whether every byte is ASCII, read eight bytes at a time.
    @inline(__always)
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        var high: UInt64 = 0
        while offset + 8 <= bytes.count {
            high |= raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        while offset < bytes.count {
            high |= UInt64(bytes[offset])
            offset += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    /// Orders `text`, compared without case, against `other` taken as it is: -1, 0 or 1.
    static func compare(folding text: String, to other: [UInt8]) -> Int {
        withFoldable(text) { bytes in
            other.withUnsafeBufferPointer { other in compareBytes(bytes, other, foldingRight: false) }
        }
    }

    /// Orders two texts without case: -1, 0 or 1.
    static func compareFolded(_ a: String, _ b: String) -> Int {
        withFoldable(a) { left in withFoldable(b) { right in compareBytes(left, right, foldingRight: true) } }
    }

    /// Orders `text` against `other` byte by byte, with case: -1, 0 or 1.
    static func compareExact<Other: Sequence<UInt8>>(_ text: String, to other: Other) -> Int {
        var iterator = other.makeIterator()
        for byte in text.utf8 {
            guard let right = iterator.next() else { return 1 }
            if byte != right { return byte < right ? -1 : 1 }
        }
        return iterator.next() == nil ? 0 : -1
    }

    /// Lexicographic order of two byte runs; the left one is always folded, the right one when told.
    @inline(__always)
    private static func compareBytes(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>, foldingRight: Bool) -> Int {
        let count = min(left.count, right.count)
        for i in 0..<count {
            let a = fold(left[i])
            let b = foldingRight ? fold(right[i]) : right[i]
            if a != b { return a < b ? -1 : 1 }
        }
        return left.count == right.count ? 0 : (left.count < right.count ? -1 : 1)
    }

    /// The byte range of the first word at or after `position`.
    @inline(__always)
    static func nextWord(_ bytes: UnsafeBufferPointer<UInt8>, from position: Int) -> Range<Int>? {
        var start = position
        while start < bytes.count, !isWordByte(bytes[start]) { start += 1 }
        guard start < bytes.count else { return nil }
        var end = start + 1
        while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
        return start..<end
    }

    /// Whether the folded bytes in `range` start with `prefix` (already lower-cased).
    @inline(__always)
    static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ prefix: [UInt8]) -> Bool {
        guard range.count >= prefix.count else { return false }
        for (offset, byte) in prefix.enumerated() where fold(bytes[range.lowerBound + offset]) != byte { return false }
        return true
    }

    /// Whether the folded bytes in `range` are exactly `word` (already lower-cased).
    @inline(__always)
    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ word: [UInt8]) -> Bool {
        range.count == word.count && hasPrefix(bytes, range, word)
    }

    /// Whether the folded bytes in `range` match `pattern` (lower-cased), where `*` stands for any run
    /// of bytes, including none. The literal head (before the first `*`) and tail (after the last) are
    /// compared first, so most values are refused without backtracking.
    static func matchesWildcard(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ pattern: [UInt8]) -> Bool {
        guard let firstStar = pattern.firstIndex(of: 42), let lastStar = pattern.lastIndex(of: 42) else { return equals(bytes, range, pattern) }
        let tail = pattern.count - lastStar - 1
        guard range.count >= firstStar + tail else { return false }
        for offset in 0..<firstStar where fold(bytes[range.lowerBound + offset]) != pattern[offset] { return false }
        for offset in 0..<tail where fold(bytes[range.upperBound - tail + offset]) != pattern[lastStar + 1 + offset] { return false }
        if firstStar == lastStar { return true }
        return matchesStars(bytes, (range.lowerBound + firstStar)..<(range.upperBound - tail), pattern, firstStar...lastStar)
    }

    /// Whether the folded bytes in `range` match `pattern[stars]`, which begins and ends with `*`, by
    /// backtracking to the last `*` passed on a mismatch.
    private static func matchesStars(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ pattern: [UInt8], _ stars: ClosedRange<Int>) -> Bool {
        var i = range.lowerBound
        var p = stars.lowerBound
        let end = stars.upperBound + 1
        var star = -1
        var resume = 0
        while i < range.upperBound {
            if p < end, pattern[p] != 42, pattern[p] == fold(bytes[i]) {
                i += 1
                p += 1
            } else if p < end, pattern[p] == 42 {
                star = p
                resume = i
                p += 1
            } else if star >= 0 {
                p = star + 1
                resume += 1
                i = resume
            } else {
                return false
            }
        }
        while p < end, pattern[p] == 42 { p += 1 }
        return p == end
    }
}
