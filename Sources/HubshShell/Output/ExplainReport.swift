import JSONValue

extension ReportRenderer {
    /// `explain` at a terminal: the records expected and where that count comes from, a line per kind
    /// of call (how many, which budget), what each budget's calls take at the connection's limits, the
    /// properties written and read, and whether the write can be undone.
    func explainReport(_ plan: ExplainPlan) -> [String] {
        let nameWidth = 8
        // A name and its value, the value wrapped at word boundaries under itself when the line is too long.
        func field(_ name: String, _ value: String, paint: (String) -> String = { $0 }) -> [String] {
            let parts = DisplayWidth.wordLines(value, width: max(20, width - nameWidth - 2))
            return parts.enumerated().map { index, part in
                (index == 0 ? style.bold(DisplayWidth.pad(name, to: nameWidth)) : String(repeating: " ", count: nameWidth)) + "  " + paint(part)
            }
        }
        var lines = [style.bold("explain ") + plan.statement]
        lines += field("records", plan.records.map { "\(ProgressLine.grouped($0)) (\(plan.recordsFrom))" } ?? plan.recordsFrom)
        if plan.calls.isEmpty {
            lines += field("calls", "none: the statement does not call HubSpot")
        } else {
            lines.append("")
            let rows: [JSONValue] = plan.calls.map { call in
                ["command": .string(call.command), "call": .string("\(call.method) \(call.path)"),
                 "calls": .string(call.count.map(ProgressLine.grouped) ?? "1 per \(call.perCall)"), "budget": .string(call.budget.rawValue),
                 "purpose": .string(call.purpose)]
            }
            let whole = table(rows, columns: ["command", "call", "calls", "budget", "purpose"])
            if whole.allSatisfy({ !$0.contains("…") }) {
                lines += whole
            } else {
                // Too narrow for the purposes beside the calls: each goes under its call, wrapped, whole.
                let narrow = table(rows.map { $0.objectValue.map { JSONValue.object($0.filter { $0.key != "purpose" }) } ?? $0 },
                                   columns: ["command", "call", "calls", "budget"])
                lines += narrow.prefix(2)
                for (row, call) in zip(narrow.dropFirst(2), plan.calls) {
                    lines.append(row)
                    lines += DisplayWidth.wordLines(call.purpose, width: max(20, width - 4)).map { "    " + style.dim($0) }
                }
            }
            lines.append("")
            let limits = plan.limits
            lines.append(style.bold("budgets") + " at this connection's limits: \(ProgressLine.grouped(limits.burstPerTenSeconds)) calls per 10 s, "
                + "\(limits.searchPerSecond) searches a second")
            for budget in [ExplainPlan.Budget.burst, .search] where plan.calls.contains(where: { $0.budget == budget }) {
                let name = budget == .burst ? "burst" : "search"
                guard let calls = plan.total(budget), let seconds = plan.seconds(budget) else {
                    lines += field(name, "1 call per \(budget == .search ? 200 : 100) records")
                    continue
                }
                let time = seconds <= 0 ? "within the first window" : "at least \(Self.duration(seconds)) of this budget"
                lines += field(name, "\(ProgressLine.grouped(calls)) \(calls == 1 ? "call" : "calls"), \(time)")
            }
            let all = [plan.total(.burst), plan.total(.search)]
            let day = all.compactMap { $0 }.reduce(0, +)
            var daily = all.contains { $0 == nil } ? "1 call per 100 records" : "\(ProgressLine.grouped(day)) \(day == 1 ? "call" : "calls")"
            if let limit = limits.daily {
                daily += " of \(ProgressLine.grouped(limit)) a day"
                if let used = limits.usedToday { daily += " (\(ProgressLine.grouped(used)) used today)" }
            }
            lines += field("daily", daily)
        }
        lines.append("")
        if plan.writesRecords || !plan.writes.isEmpty { lines += field("writes", plan.writes.isEmpty ? "(the piped records' properties)" : plan.writes.joined(separator: ", ")) }
        if !plan.reads.isEmpty { lines += field("reads", plan.reads.joined(separator: ", ")) }
        lines += field("undo", plan.undo, paint: plan.writesRecords ? (plan.undoable ? style.green : style.red) : { $0 })
        return lines
    }

    /// `42 s`, `3 min 20 s`, `1 h 5 min`.
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return "\(whole / 60) min" + (whole % 60 == 0 ? "" : " \(whole % 60) s") }
        return "\(whole / 3600) h" + (whole % 3600 / 60 == 0 ? "" : " \(whole % 3600 / 60) min")
    }
}
