import HubSpotAPI
import JSONValue

extension ReportRenderer {
    /// `connection test` at a terminal: a line per check with ✓ or ✗, then which activities the
    /// token's scopes allow on which objects, and the scope to add for each one it does not.
    func connectionTestReport(_ facts: ConnectionTestFacts) -> [String] {
        let report = facts.report
        let nameWidth = 12
        var lines = [style.bold("connection \(facts.connection)")]
        func add(_ ok: Bool, _ name: String, _ finding: String) { lines.append(check(ok, name, finding, nameWidth: nameWidth)) }
        add(true, "reached", facts.baseURL)
        let count = report.token.scopes.count
        var token = "\(count) \(count == 1 ? "scope" : "scopes")"
        if let user = report.token.userId { token += ", user \(user)" }
        if let app = report.token.appId { token += ", app \(app)" }
        add(true, "token valid", token)
        if let account = report.account {
            add(true, "portal", "\(account.portalId) · \(account.accountType) · \(account.timeZone)")
        } else {
            add(false, "portal", "\(report.token.hubId) (account details: \(report.accountError?.summary ?? "not read"))")
        }
        add(true, "API version", report.version.description)
        let milliseconds = Double(report.latency.components.seconds) * 1000 + Double(report.latency.components.attoseconds) / 1e15
        add(milliseconds < 1000, "latency", "\(Int(milliseconds.rounded())) ms (best of 3)")
        if let max = report.rateLimitMax, let remaining = report.rateLimitRemaining {
            add(remaining * 10 >= max, "rate limit", "\(ProgressLine.grouped(remaining)) of \(ProgressLine.grouped(max)) calls left in the 10 s window")
        } else {
            add(true, "rate limit", "not reported")
        }
        switch facts.dailyUsage {
        case .success(let usage?):
            var finding = "\(ProgressLine.grouped(usage.currentUsage)) of \(ProgressLine.grouped(usage.usageLimit)) calls today"
            if let resets = usage.resetsAt { finding += " (resets \(resets))" }
            add(usage.usageLimit == 0 || usage.currentUsage * 10 < usage.usageLimit * 9, "daily usage", finding)
        case .success(nil):
            add(true, "daily usage", "not reported")
        case .failure(let error):
            add(false, "daily usage", error.summary)
        }
        lines.append("")
        let activities = ActivityAccess.Activity.allCases
        var objects: [String] = []
        for access in report.activities where !objects.contains(access.objectType) { objects.append(access.objectType) }
        let objectWidth = max(6, objects.map(DisplayWidth.of).max() ?? 0)
        let header = DisplayWidth.pad("object", to: objectWidth) + activities.map { "  " + $0.rawValue }.joined()
        lines.append(style.bold(header))
        for object in objects {
            var line = DisplayWidth.pad(object, to: objectWidth)
            for activity in activities {
                let allowed = report.activities.first { $0.objectType == object && $0.activity == activity }?.allowed ?? false
                line += "  " + mark(allowed) + String(repeating: " ", count: activity.rawValue.count - 1)
            }
            lines.append(line.trailingSpacesRemoved)
        }
        var missing: [(scope: String, uses: [String])] = []
        for access in report.blocked {
            let use = "\(access.activity.rawValue) \(access.objectType)"
            if let index = missing.firstIndex(where: { $0.scope == access.needs }) {
                missing[index].uses.append(use)
            } else {
                missing.append((access.needs, [use]))
            }
        }
        if missing.isEmpty {
            lines.append("")
            lines.append(mark(true) + " the token can search, create, update and delete every object checked")
        } else {
            lines.append("")
            for (scope, uses) in missing {
                lines.append(mark(false) + " add the scope " + style.bold(scope) + " for " + uses.joined(separator: ", "))
            }
        }
        return lines
    }
}
