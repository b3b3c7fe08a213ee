import Foundation
import HubSpotAPI
import JSONValue

/// What the running statement tells the terminal about its values, so tables read well: the object
/// type, the properties asked for (`props`, `select`) in order, the property types known from the
/// schema cache, and, for reports (`connection test`, `describe`, `pipelines`, `owners`), the typed
/// facts they were made from. Programs never see it: JSON Lines are written from the values alone.
public struct ResultShape: Sendable {
    /// The HubSpot object type of the records, when one is known.
    public var objectType: String?
    /// The properties (or fields) asked for, in the order asked; nil when none were.
    public var columns: [String]?
    /// HubSpot property types by name (`number`, `datetime`, …), from the schema cache.
    public var types: [String: String] = [:]
    /// Columns a terminal shows with this many decimals (an average's: 2; `value` for a lone number);
    /// JSON, JSON Lines and CSV keep every digit.
    public var decimals: [String: Int] = [:]
    /// Fields a table leaves out because every row's other cells say them (the journal's `operation`
    /// and `objectType`, in its statement); the vertical view and JSON keep them.
    public var hidden: Set<String> = []
    /// The column a narrow table gives its room to (the journal's `statement`), and the columns it
    /// leaves out, in this order, while that one would be cut.
    public var roomFor: (column: String, spare: [String])?
    /// Whether an empty result is worth saying so (`(0 rows)`): the statement yields records.
    public var expectsRows = false
    /// A report made from typed facts, and the values it stands for.
    public var report: Report?

    public init(objectType: String? = nil, columns: [String]? = nil, types: [String: String] = [:]) {
        self.objectType = objectType
        self.columns = columns
        self.types = types
    }

    /// Whether a column holds numbers by its property's type.
    func isNumeric(_ column: String) -> Bool {
        guard let type = types[column] else { return false }
        return type == "number"
    }
}

/// A report a command made and the values it yielded for programs: shown as the report only when
/// exactly these values reach the terminal (a later `| select`, `| first` gets the general view).
public struct Report: Sendable {
    public enum Kind: Sendable {
        case connectionTest(ConnectionTestFacts)
        /// With the zone a day typed for it is read in, for date and datetime properties.
        case property(PropertyDefinition, objectType: String, timeZone: String? = nil)
        case pipelines([Pipeline], objectType: String)
        case owners([Owner])
        /// What a statement would do (`explain`).
        case explain(ExplainPlan)
        /// A command's help page.
        case help(HelpPage)
    }

    public var kind: Kind
    public var values: [JSONValue]

    public init(_ kind: Kind, values: [JSONValue]) {
        self.kind = kind
        self.values = values
    }
}

/// What `connection test` found, as its report shows it.
public struct ConnectionTestFacts: Sendable {
    public var connection: String
    public var baseURL: String
    public var report: ConnectionReport
    /// The private apps' daily call counter, or why it could not be read.
    public var dailyUsage: Result<ApiUsage?, HubSpotAPIError>

    public init(connection: String, baseURL: String, report: ConnectionReport, dailyUsage: Result<ApiUsage?, HubSpotAPIError>) {
        self.connection = connection
        self.baseURL = baseURL
        self.report = report
        self.dailyUsage = dailyUsage
    }
}

/// The running statement's ``ResultShape``, shared by the context its commands get and the output
/// that prints its values (each statement starts with an empty one).
public final class ResultHint: @unchecked Sendable {
    // `shape` is read and written under `lock`.
    private let lock = NSLock()
    private var shape = ResultShape()

    public init() {}

    /// The shape now.
    public var current: ResultShape { lock.withLock { shape } }

    /// Starts a statement: nothing known yet.
    public func begin(expectsRows: Bool) {
        lock.withLock {
            shape = ResultShape()
            shape.expectsRows = expectsRows
        }
    }

    /// Changes what is known.
    public func update(_ change: (inout ResultShape) -> Void) {
        lock.withLock { change(&shape) }
    }
}
