/// What an argument is, declared once in a signature: the binder, the schema check and the completer
/// read it, and the completion hint derives from it (``completion``). Presentation (the help heading,
/// the placeholder) says nothing about what is checked.
public enum Role: Sendable, Hashable {
    /// Free text, a number or an id: nothing to check or offer.
    case value
    /// A record's id: a whole number (or a variable). Of the forms a command is written in, one with a
    /// record id fits only where a number or a variable was written (`unassociate TOTYPE TOID` against
    /// `unassociate FROMTYPE TOTYPE`).
    case recordId
    /// An object type of the account (`contacts`, a custom object): checked against the account.
    case objectType
    /// A comma list of object types (`contacts,deals`).
    case objectTypes
    /// A HubSpot property of the object type in context: checked against its definitions, and a literal
    /// value written for it is checked against its type.
    case property
    /// A field of the values on the pipe (a property when they are records): offered like a property,
    /// never checked against HubSpot (the values may come from a file).
    case field
    /// A file path.
    case file
    /// A saved connection's name.
    case connection
    /// A saved activity's name.
    case activity
    /// A command's name.
    case command
    /// A variable's name, or a value that may be a `$variable` (a count).
    case variable
    /// An operation's number in the write journal.
    case operation
    /// A pipeline kept to run later (`activity add NAME = PIPELINE`): planned with the statement, so
    /// what its commands refuse stops the script before anything runs.
    case pipeline
    /// One of a fixed set of words.
    case choice([String])
    /// One of the words the positional before it allows, by that positional's value (`set OPTION
    /// VALUE`: the values of that option).
    case choiceByPrevious([String: [String]])
    /// An association label of the object pair the command names (or the pipeline's type and the one named).
    case associationLabel

    /// How help writes `name=value` assignments whose names have this role, and what they do.
    public var assignmentHelp: (placeholder: String, summary: String) {
        switch self {
        case .field: ("FIELD=VALUE", "a field to set on each value")
        case .variable: ("VAR=VALUE", "a $variable of the activity, for this run")
        default: ("PROP=VALUE", "a property value to write")
        }
    }

    /// Where Tab completion finds the values of an argument of this role.
    public var completion: CompletionSource {
        switch self {
        case .value, .recordId, .operation: .none
        case .objectType, .objectTypes: .objectTypes
        case .property, .field: .properties
        case .file: .files
        case .connection: .connections
        case .activity: .activities
        case .command, .pipeline: .commands
        case .variable: .variables
        case .choice(let words): .choices(words)
        case .choiceByPrevious(let words): .choices(Array(Set(words.values.joined())).sorted())
        case .associationLabel: .associationLabels
        }
    }
}
