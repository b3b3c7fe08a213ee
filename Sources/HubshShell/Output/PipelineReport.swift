import HubSpotAPI
import JSONValue

extension ReportRenderer {
    /// `pipelines OBJECT` at a terminal: each pipeline's label and id, then its stages in order
    /// (label, id, and the deal probability or ticket state where stages have one).
    func pipelinesReport(_ pipelines: [Pipeline], of objectType: String) -> [String] {
        guard !pipelines.isEmpty else { return ["\(objectType) have no pipelines"] }
        var lines: [String] = []
        for pipeline in pipelines.sorted(by: { $0.displayOrder < $1.displayOrder }) {
            if !lines.isEmpty { lines.append("") }
            lines.append(style.bold(pipeline.label) + "  (id \(pipeline.id)" + (pipeline.archived ? ", archived" : "") + ")")
            let stages = pipeline.stages.sorted { $0.displayOrder < $1.displayOrder }
            let probability = stages.contains { $0.metadata["probability"] != nil }
            let state = stages.contains { $0.metadata["ticketState"] != nil }
            var columns = ["label", "id"]
            if probability { columns.append("probability") }
            if state { columns.append("ticket state") }
            let rows: [JSONValue] = stages.map { stage in
                var row: JSONObject = ["label": .string(stage.label), "id": .string(stage.id)]
                if probability {
                    row["probability"] = stage.metadata["probability"].map { text in Double(text).map(JSONValue.double) ?? .string(text) } ?? .null
                }
                if state { row["ticket state"] = stage.metadata["ticketState"].map(JSONValue.string) ?? .null }
                return .object(row)
            }
            lines += table(rows, columns: columns).map { "  " + $0 }
        }
        return lines
    }

    /// `owners` at a terminal: name, email, id and team names (the primary team first).
    func ownersReport(_ owners: [Owner]) -> [String] {
        let rows: [JSONValue] = owners.map { owner in
            let teams = owner.teams.sorted { $0.primary && !$1.primary }.map(\.name)
            return ["name": .string(owner.displayName), "email": owner.email.map(JSONValue.string) ?? .null,
                    "id": .string(owner.id), "teams": teams.isEmpty ? .null : .string(teams.joined(separator: ", "))]
        }
        return table(rows, columns: ["name", "email", "id", "teams"]) + [TableRenderer.footer(owners.count)]
    }
}
