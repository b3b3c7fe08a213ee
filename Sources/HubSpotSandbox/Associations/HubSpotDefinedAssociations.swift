/// The association types HubSpot defines in every account, both directions (hubspot-api.md §5.3).
enum HubSpotDefinedAssociations {
    /// Every HubSpot-defined type.
    static let all: [AssociationType] = {
        var types: [AssociationType] = []
        // Unlabeled types; a pair with a primary type names its unlabeled type `…_unlabeled`.
        for (from, to, id, inverse, hasPrimary) in [
            ("0-1", "0-2", 279, 280, true), ("0-3", "0-2", 341, 342, true), ("0-5", "0-2", 339, 340, true),
            ("0-1", "0-3", 4, 3, false), ("0-1", "0-5", 15, 16, false), ("0-3", "0-5", 27, 28, false),
            ("0-3", "0-8", 19, 20, false), ("0-14", "0-3", 64, 63, false), ("0-14", "0-1", 69, 70, false),
            ("0-14", "0-2", 71, 72, false), ("0-14", "0-8", 67, 68, false),
            ("0-1", "0-1", 449, 449, false), ("0-2", "0-2", 450, 450, false), ("0-3", "0-3", 451, 451, false),
            ("0-5", "0-5", 452, 452, false),
        ] {
            types += pair(from, to, id, inverse, labels: (nil, nil), suffix: hasPrimary ? "_unlabeled" : "")
        }
        // Primary types. The inverse labels follow the observed "Contact with Primary Company" (type 2)
        // and "Deal with Primary Company" (type 6) [O]; the ticket one is the same pattern (UNCONFIRMED).
        for (from, to, id, inverse, inverseLabel) in [
            ("0-1", "0-2", 1, 2, "Contact with Primary Company"), ("0-3", "0-2", 5, 6, "Deal with Primary Company"),
            ("0-5", "0-2", 26, 25, "Ticket with Primary Company"),
        ] {
            var forward = pair(from, to, id, inverse, labels: ("Primary", inverseLabel), suffix: "")
            forward[0].isPrimary = true
            types += forward
        }
        // Parent/child companies: the label names what the other company is (UNCONFIRMED wording).
        types += [
            AssociationType(id: 13, category: AssociationType.hubspotDefined, fromObjectTypeId: "0-2", toObjectTypeId: "0-2",
                            label: "Child Company", name: "parent_to_child_company", inverseId: 14),
            AssociationType(id: 14, category: AssociationType.hubspotDefined, fromObjectTypeId: "0-2", toObjectTypeId: "0-2",
                            label: "Parent Company", name: "child_to_parent_company", inverseId: 13),
        ]
        // Engagements in the order call, email, meeting, note, task.
        let engagements = ["0-48", "0-49", "0-47", "0-46", "0-27"]
        let links: [(String, [Int], [Int])] = [
            ("0-1", [194, 198, 200, 202, 204], [193, 197, 199, 201, 203]),
            ("0-2", [182, 186, 188, 190, 192], [181, 185, 187, 189, 191]),
            ("0-3", [206, 210, 212, 214, 216], [205, 209, 211, 213, 215]),
            ("0-5", [220, 224, 226, 228, 230], [219, 223, 225, 227, 229]),
        ]
        for (target, forward, inverse) in links {
            for (index, engagement) in engagements.enumerated() {
                types += pair(engagement, target, forward[index], inverse[index], labels: (nil, nil), suffix: "")
            }
        }
        // Communications and postal mail with contacts, companies, deals and tickets. hubspot-api.md
        // lists no ids for them; these are HubSpot's table as clients quote it [O] (communication →
        // contact 81, postal mail → contact 453, …).
        for (from, to, id, inverse) in [
            ("0-18", "0-1", 81, 82), ("0-18", "0-2", 87, 88), ("0-18", "0-3", 85, 86), ("0-18", "0-5", 83, 84),
            ("0-116", "0-1", 453, 454), ("0-116", "0-2", 459, 460), ("0-116", "0-3", 457, 458), ("0-116", "0-5", 455, 456),
        ] {
            types += pair(from, to, id, inverse, labels: (nil, nil), suffix: "")
        }
        // Leads: lead → contact 608 (unlabeled) and 578 (primary), lead → company 610 [O]; the inverse
        // ids (607, 577, 609) are UNCONFIRMED.
        types += pair("0-136", "0-1", 608, 607, labels: (nil, nil), suffix: "_unlabeled")
        types += pair("0-136", "0-2", 610, 609, labels: (nil, nil), suffix: "")
        var primaryLead = pair("0-136", "0-1", 578, 577, labels: ("Primary", "Lead with Primary Contact"), suffix: "")
        primaryLead[0].isPrimary = true
        types += primaryLead
        return types
    }()

    /// A type and its inverse (one type when they are the same id).
    private static func pair(_ from: String, _ to: String, _ id: Int, _ inverse: Int,
                             labels: (String?, String?), suffix: String) -> [AssociationType] {
        let forward = AssociationType(id: id, category: AssociationType.hubspotDefined, fromObjectTypeId: from, toObjectTypeId: to,
                                      label: labels.0, name: "\(singular(from))_to_\(singular(to))\(suffix)", inverseId: inverse)
        guard inverse != id else { return [forward] }
        let backward = AssociationType(id: inverse, category: AssociationType.hubspotDefined, fromObjectTypeId: to, toObjectTypeId: from,
                                       label: labels.1, name: "\(singular(to))_to_\(singular(from))\(suffix)", inverseId: id)
        return [forward, backward]
    }

    /// The singular API name of a standard object type id.
    private static func singular(_ objectTypeId: String) -> String {
        ObjectType.standardTypes.first { $0.objectTypeId == objectTypeId }?.singular ?? objectTypeId
    }
}
