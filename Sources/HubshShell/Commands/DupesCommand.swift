import Foundation
import HubSpotAPI
import HubshLanguage
import JSONValue

/// `dupes OBJECT --by PROP [--normalize lower,trim,domain] [--primary oldest|newest]`: the groups of
/// records that share a value of PROP (after the normalizing steps), read by one search of the records
/// that have a value, streamed page by page. It keeps only each value's key and its records' ids and
/// creation times, never the records; the groups come when the search has been read, the largest
/// first, each with the record to keep (`primary`, the oldest by default) and those to merge into it:
/// what `merge` takes.
struct DupesCommand: ShellCommand {
    static let signature = CommandSignature(
        ["dupes"], family: .hubspot, summary: "Find records sharing a value (groups to pipe into merge).",
        positionals: [object], options: [by, normalize, primary],
        output: .values,
        examples: [Example("dupes contacts --by email --normalize lower,trim", "contacts whose e-mails differ only in case or spaces (the demo account has none)", .nothing),
                   Example("dupes companies --by domain --normalize domain | merge --dry-run", "the merges that would leave one company per domain (none in the demo account)", .nothing)])

    /// A step that makes equal values compare equal.
    enum Step: String, CaseIterable, Sendable {
        case lower, trim, domain

        func apply(_ text: String) -> String {
            switch self {
            case .lower: return text.lowercased()
            case .trim: return String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
            case .domain: return DupesCommand.domain(of: text)
            }
        }
    }

    static let object = Parameter("object", "the object type", role: .objectType)
    static let by = Option("by", "the property whose equal values make a group", value: "PROP", role: .property)
    static let normalize = Option("normalize", "compare values after these steps, in order: lower, trim, domain (an e-mail's or a URL's domain)",
                                  value: "STEPS", role: .choice(["lower", "trim", "domain", "lower,trim", "lower,trim,domain"]))
    static let primary = Option("primary", "the record each group keeps: oldest (the default) or newest", value: "WHICH", role: .choice(["oldest", "newest"]))

    let objectType: String
    let byValue: Value
    let steps: [Step]
    let newest: Bool

    init(_ bound: BoundCommand) throws(Diagnostic) {
        objectType = bound.objectType ?? ""
        guard let by = bound[Self.by] else {
            throw Diagnostic("dupes needs --by PROP: the property whose equal values make a group", at: bound.syntax.range)
        }
        byValue = by
        var steps: [Step] = []
        if let value = bound[Self.normalize] {
            for word in (value.literalText ?? "").split(separator: ",") {
                guard let step = Step(rawValue: word.lowercased()) else {
                    throw Diagnostic("--normalize takes lower, trim and domain, not '\(word)'", at: value.range,
                                     suggestion: Suggest.didYouMean(String(word), in: Step.allCases.map(\.rawValue)))
                }
                steps.append(step)
            }
        }
        self.steps = steps
        switch bound[Self.primary]?.literalText?.lowercased() {
        case nil, "oldest": newest = false
        case "newest": newest = true
        default:
            throw Diagnostic("--primary is oldest or newest", at: bound[Self.primary]?.range ?? bound.syntax.range)
        }
    }

    /// The domain an e-mail address, a URL or a host names, without `www.`: `Ann@Acme.com` → `Acme.com`.
    static func domain(of text: String) -> String {
        var rest = Substring(text.trimmingPrefix(while: \.isWhitespace))
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<slash] }
        if rest.lowercased().hasPrefix("www.") { rest = rest.dropFirst(4) }
        return String(rest).trimmingCharacters(in: .whitespaces)
    }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        let by = try await context.text(byValue)
        let client = try await context.client()
        let query = SearchQuery(filterGroups: [[SearchFilter(by, .HAS_PROPERTY)]], properties: [by])
        var groups: [String: [(id: String, created: String)]] = [:]
        var valued = 0
        for try await record in try client.search(objectType, query, stable: false) {
            await context.tally.noteRead()
            guard let value = record.properties[by]?.scalarText, !value.isEmpty else { continue }
            valued += 1
            let key = steps.reduce(value) { $1.apply($0) }
            guard !key.isEmpty else { continue }
            groups[key, default: []].append((record.id, record.createdAt ?? ""))
        }
        let newest = newest
        let rows: [JSONValue] = groups.filter { $0.value.count > 1 }
            .sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key }
            .map { key, members in
                let ordered = members.sorted { ($0.created, Int($0.id) ?? 0) < ($1.created, Int($1.id) ?? 0) }
                let kept = newest ? ordered.reversed() : ordered
                let primary = kept[kept.startIndex]
                return ["value": .string(key), "count": .int(members.count), "primary": .string(primary.id),
                        "merged": .array(kept.dropFirst().map { .string($0.id) })]
            }
        context.resultHint.update { shape in
            shape.objectType = nil
            shape.columns = ["value", "count", "primary", "merged"]
        }
        if rows.isEmpty {
            // Nothing at all would leave a person wondering whether it ran: say what was compared.
            let compared = steps.isEmpty ? "" : ", compared after \(steps.map(\.rawValue).joined(separator: ", "))"
            await context.tally.noteHint("no duplicates: the \(valued) \(objectType) with a value of \(by) all differ\(compared)")
        }
        return ValueStream(rows)
    }
}
