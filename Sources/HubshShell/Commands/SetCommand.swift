import HubSpotAPI
import HubshLanguage
import JSONValue

/// `set`: one command, three forms.
/// - `set F=V …` sets fields on each value of the stream: a HubSpot record's properties (as text,
///   HubSpot's type for property values), or a flat object's top-level fields. `$var` values resolve once.
/// - `set OPTION VALUE` changes a session option (output, on_error, dry_run, log, concurrency, color,
///   expanded, pager).
/// - `set` alone yields the session options as one object.
struct SetCommand: ShellCommand {
    static let signature = CommandSignature(
        ["set"], family: .session, summary: "Set fields on each value (set F=V …), or a session option (set OPTION VALUE).",
        positionals: [optionParameter, valueParameter],
        forms: [showForm, fieldsForm, optionForm],
        assignments: .field, input: .records, output: .records,
        examples: [
            Example("search contacts where email contains helixanalytics.net | set lifecyclestage=customer | update", "mark the Helix Analytics contacts as customers", .lines(6, each: #""id":"#)),
            Example("set output csv", "print results as CSV from now on", .nothing),
            Example("set", "show the session options", .lines(1, each: #""output":"auto""#)),
        ])

    static let optionParameter = Parameter("option", "a session option: " + SessionOption.allCases.map(\.rawValue).joined(separator: ", "),
                                           required: false, role: .choice(SessionOption.allCases.map(\.rawValue)))
    static let valueParameter = Parameter("value", "the option's value", required: false, role: .choiceByPrevious(SessionOption.choicesByName))
    /// `set`: the session options.
    static let showForm = Form([])
    /// `set F=V …`: fields set on each value.
    static let fieldsForm = Form(assignments: true, [])
    /// `set OPTION VALUE`: a session option changed (the last form, so `set OPTION VALUE F=V` is refused here).
    static let optionForm = Form([optionParameter, valueParameter])

    private enum Mode {
        case show
        case option(SessionOption, Value)
        case fields([(name: String, value: Value?)])
    }

    private let form: Mode
    private let range: SourceRange

    init(_ bound: BoundCommand) throws(Diagnostic) {
        range = bound.syntax.range
        if bound.form == Self.fieldsForm {
            form = .fields(bound.assignments.map { ($0.name, $0.value) })
            return
        }
        guard bound.form == Self.optionForm, let option = bound[Self.optionParameter] else { form = .show; return }
        if !bound.assignments.isEmpty {
            throw Diagnostic("set takes FIELD=VALUE … or OPTION VALUE, not both", at: option.range)
        }
        let name = option.literalText ?? option.description
        guard let known = SessionOption(name) else {
            throw Diagnostic("unknown option '\(name)': " + SessionOption.allCases.map(\.rawValue).joined(separator: ", "), at: option.range,
                             suggestion: Suggest.didYouMean(name, in: SessionOption.allCases.map(\.rawValue)))
        }
        guard let value = bound[Self.valueParameter] else {
            throw Diagnostic("set \(known.rawValue) needs a value: \(known.choicesText)", at: option.range)
        }
        if let text = value.literalText { _ = try known.change(text, at: value.range) }
        form = .option(known, value)
    }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        switch form {
        case .show:
            return ValueStream([SessionOption.describe(await context.session.settings)])
        case .option(let option, let value):
            let change = try option.change(try await context.text(value), at: value.range)
            await context.session.update(change)
            context.resultHint.update { $0.expectsRows = false }
            if option == .log { LogLevel.shared.set(await context.session.settings.logLevel) }
            return .empty
        case .fields(let assignments):
            var fields: [(String, JSONValue)] = []
            for (name, value) in assignments {
                // `name=` with nothing after it is the empty string (which clears a HubSpot property).
                if let value { fields.append((name, try await context.json(value))) } else { fields.append((name, "")) }
            }
            let resolved = fields
            let range = range
            // Fields set are worth seeing beside the ones asked for.
            context.resultHint.update { shape in
                guard var columns = shape.columns else { return }
                for (name, _) in resolved where !columns.contains(name) { columns.append(name) }
                shape.columns = columns
            }
            return input.compactMap { value in try Self.setting(resolved, on: value, at: range) }
        }
    }

    /// `value` with the fields set.
    static func setting(_ fields: [(String, JSONValue)], on value: JSONValue, at range: SourceRange) throws(Diagnostic) -> JSONValue {
        guard var object = value.objectValue else {
            throw Diagnostic("set FIELD=VALUE works on records and objects, not on \(value.jsonString.prefix(40))", at: range)
        }
        if var properties = object["properties"]?.objectValue {
            for (name, field) in fields { properties[name] = field.isNull ? .null : .string(field.scalarText ?? field.jsonString) }
            object["properties"] = .object(properties)
        } else {
            for (name, field) in fields { object[name] = field }
        }
        return .object(object)
    }
}

/// The session options `set OPTION VALUE` changes, and the values each takes.
enum SessionOption: String, CaseIterable {
    case output, onError = "on_error", dryRun = "dry_run", log, concurrency, color, expanded, pager, journal
    case journalDays = "journal_days"

    /// The option named `name` (`on-error` is `on_error`); nil when there is none.
    init?(_ name: String) {
        self.init(rawValue: name.lowercased().replacingOccurrences(of: "-", with: "_"))
    }

    /// The values it takes, as words.
    var choices: [String] {
        switch self {
        case .output: ["auto"] + Settings.OutputFormat.allCases.map(\.rawValue)
        case .onError: Settings.OnError.allCases.map(\.rawValue)
        case .dryRun, .color, .pager, .journal: ["on", "off"]
        case .expanded: Settings.Expanded.allCases.map(\.rawValue)
        case .log: ["error", "warning", "info", "debug", "trace"]
        case .concurrency: ["auto"]
        case .journalDays: []
        }
    }

    var choicesText: String {
        switch self {
        case .concurrency: "auto or a whole number from 1 to \(ConcurrencyController.defaultCap)"
        case .journalDays: "a whole number of days, 1 or more"
        default: choices.joined(separator: ", ")
        }
    }

    /// Each option's choices, by its name, for completion.
    static var choicesByName: [String: [String]] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0.choices) })
    }

    /// The change `text` makes, or a diagnostic at `range` when the option does not take it.
    func change(_ text: String, at range: SourceRange) throws(Diagnostic) -> @Sendable (inout Settings) -> Void {
        let word = text.lowercased()
        func refuse() -> Diagnostic {
            Diagnostic("\(rawValue) takes \(choicesText), not '\(text)'", at: range, suggestion: Suggest.didYouMean(text, in: choices))
        }
        switch self {
        case .output:
            if word == "auto" { return { $0.output = nil } }
            guard let format = Settings.OutputFormat(rawValue: word) else { throw refuse() }
            return { $0.output = format }
        case .onError:
            guard let choice = Settings.OnError(rawValue: word) else { throw refuse() }
            return { $0.onError = choice }
        case .expanded:
            guard let choice = Settings.Expanded(rawValue: word) else { throw refuse() }
            return { $0.expanded = choice }
        case .dryRun, .color, .pager, .journal:
            let on: Bool
            switch word {
            case "on", "true", "yes": on = true
            case "off", "false", "no": on = false
            default: throw refuse()
            }
            if self == .dryRun { return { $0.dryRun = on } }
            if self == .pager { return { $0.pager = on } }
            if self == .journal { return { $0.journal = on } }
            return { $0.color = on }
        case .log:
            guard choices.contains(word) else { throw refuse() }
            return { $0.logLevel = word }
        case .concurrency:
            if word == "auto" { return { $0.concurrency = nil } }
            guard let count = Int(text), (1...ConcurrencyController.defaultCap).contains(count) else { throw refuse() }
            return { $0.concurrency = count }
        case .journalDays:
            guard let days = Int(text), days >= 1 else { throw refuse() }
            return { $0.journalDays = days }
        }
    }

    /// The options as `set` shows them.
    static func describe(_ settings: Settings) -> JSONValue {
        [
            "output": .string(settings.output?.rawValue ?? "auto"),
            "on_error": .string(settings.onError.rawValue),
            "dry_run": .string(settings.dryRun ? "on" : "off"),
            "log": .string(settings.logLevel),
            "concurrency": settings.concurrency.map(JSONValue.int) ?? "auto",
            "color": .string(settings.color ? "on" : "off"),
            "expanded": .string(settings.expanded.rawValue),
            "pager": .string(settings.pager ? "on" : "off"),
            "journal": .string(settings.journal ? "on" : "off"),
            "journal_days": .int(settings.journalDays),
        ]
    }
}
