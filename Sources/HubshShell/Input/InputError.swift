/// Why a file's values cannot be read, and where: the line (and column, in characters, when it
/// helps) of the file, counted from 1. The command adds the file's name.
struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The line the problem is on (where a row or value that is too long or never closed starts);
    /// nil for a problem with the whole file.
    var line: Int?
    /// The column of the problem on that line, when one is meaningful.
    var column: Int?
    /// What is wrong.
    var reason: String

    init(line: Int?, column: Int? = nil, _ reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// The problem at byte `offset` of `bytes`, a piece of the file that starts at `line` and `column`.
    init(at offset: Int, in bytes: [UInt8], line: Int, column: Int, _ reason: String) {
        var (line, column) = (line, column)
        for byte in bytes.prefix(offset) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        self.init(line: line, column: column, reason)
    }

    /// `line 151, column 16: …`
    var description: String {
        guard let line else { return reason }
        return "line \(line)" + (column.map { ", column \($0)" } ?? "") + ": " + reason
    }
}
