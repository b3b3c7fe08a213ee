import Foundation
import HubSpotAPI
import JSONValue

/// `update --if-unchanged`: a piped record is written only if it was not modified since it was read,
/// so a long pipeline never overwrites a newer edit. Each input carries the time its record was last
/// modified as read (its `updatedAt`, else its `hs_lastmodifieddate`); the batch read ahead of the
/// write (the journal's, else one of its own) says what it is now, and an input whose time moved is
/// marked to be reported `skipped` and not sent.
enum UnchangedCheck {
    /// The field of an input that holds its record's last modification as read.
    static let readField = "lastModifiedAsRead"
    /// The field of an input not to send, with why.
    static let skipField = "skippedChangedSince"

    /// When a piped value's record was last modified as it was read; nil when it does not say.
    static func readTime(of value: JSONValue) -> String? {
        if let time = value["updatedAt"]?.stringValue, !time.isEmpty { return time }
        for name in ["hs_lastmodifieddate", "lastmodifieddate"] {
            if let time = value["properties"]?[name]?.scalarText, !time.isEmpty { return time }
        }
        return nil
    }

    /// The inputs, those whose record was modified since it was read (or that carry no time as read)
    /// marked with why; `now` holds each record's last modification now (records not found are left
    /// for the write to report).
    static func marking(_ inputs: [JSONValue], now: [String: String]) -> [JSONValue] {
        inputs.map { input in
            guard let id = input["id"]?.scalarText, let current = now[id], var object = input.objectValue else { return input }
            guard let read = input[readField]?.stringValue else {
                object[skipField] = .string("no hs_lastmodifieddate as read to compare (pipe records from search or get)")
                return .object(object)
            }
            guard !same(read, current) else { return input }
            object[skipField] = .string("changed since read (modified \(current), read \(read))")
            return .object(object)
        }
    }

    /// The ids of the inputs marked to skip.
    static func skipped(_ inputs: [JSONValue]) -> Set<String> {
        Set(inputs.compactMap { $0[skipField] == nil ? nil : $0["id"]?.scalarText })
    }

    /// Whether two modification times are the same instant (HubSpot writes them as ISO-8601 text or
    /// epoch milliseconds).
    static func same(_ a: String, _ b: String) -> Bool {
        a == b || (DateText(a)?.utcMilliseconds).map { $0 == DateText(b)?.utcMilliseconds } ?? false
    }

    /// Each record's last modification now, by batch read of `ids` (a check without the journal).
    static func current(_ client: HubSpotClient, _ type: String, ids: [String]) async throws -> [String: String] {
        guard !ids.isEmpty else { return [:] }
        let read = try await client.batchRead(type, ids: ids, properties: ["hs_lastmodifieddate"])
        return Dictionary(read.results.map { ($0.id, $0.updatedAt ?? "") }, uniquingKeysWith: { a, _ in a })
    }
}
