extension Argument: CustomStringConvertible {
    /// The argument as it could be written in source; parsing it again gives the same argument.
    public var description: String {
        switch kind {
        case .value(let value): value.description
        case .option(let name, let value): "--" + name + (value.map { "=" + $0.description } ?? "")
        case .assignment(let name, let value): name + "=" + (value?.description ?? "")
        case .symbol(let symbol): symbol.rawValue
        }
    }
}

extension Command: CustomStringConvertible {
    /// The command in canonical form: name and arguments separated by single spaces.
    public var description: String {
        ([name] + arguments.map(\.description)).joined(separator: " ")
    }
}

extension Redirection: CustomStringConvertible {
    /// `> file` or `>> file`.
    public var description: String { mode.rawValue + " " + target.description }
}

extension Pipeline: CustomStringConvertible {
    /// The pipeline in canonical form, e.g. `search contacts | update a=b > out.json`.
    public var description: String {
        let body = commands.map(\.description).joined(separator: " | ")
        return redirection.map { body + " " + $0.description } ?? body
    }
}

extension Script: CustomStringConvertible {
    /// One statement per line, in canonical form.
    public var description: String {
        statements.map(\.description).joined(separator: "\n")
    }
}
