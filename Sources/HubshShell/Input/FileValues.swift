import HubshLanguage
import JSONValue

/// A reader of one format: the file's values one at a time, nil at its end.
protocol ValueReader {
    mutating func next() throws(InputError) -> JSONValue?
    /// The line the value `next` returned last starts on (a CSV row's, a JSON Lines line's, an array element's).
    var line: Int? { get }
}

/// A file's values as `open` streams them: the file is opened when the first value is pulled, and a
/// problem part way is thrown as a `StreamFailure` naming the file and line and counting the values
/// that flowed on before it.
struct FileValues {
    let path: String
    let format: FileFormat
    let encoding: InputEncoding
    /// The file's argument in the statement, for the message.
    let range: SourceRange
    private var reader: (any ValueReader)?
    private var yielded = 0
    private var failed = false

    init(path: String, format: FileFormat, encoding: InputEncoding, range: SourceRange) {
        self.path = path
        self.format = format
        self.encoding = encoding
        self.range = range
    }

    /// The line the value `next` returned last starts on.
    var line: Int? { reader?.line }

    mutating func next() throws(StreamFailure) -> JSONValue? {
        guard !failed else { return nil }
        do throws(InputError) {
            if reader == nil { reader = format.reader(try TextCursor(path: path, encoding: encoding)) }
            guard let value = try reader?.next() else { return nil }
            yielded += 1
            return value
        } catch {
            failed = true
            let place = error.line == nil ? "open: \(path)" : "\(path) \(error)"
            throw StreamFailure(Diagnostic(error.line == nil ? "\(place): \(error.reason)" : place, at: range),
                                after: yielded, noun: format.noun)
        }
    }
}
