import Hummingbird
import JSONValue

extension AssociationRoutes {
    /// `{associationsPrefix}/{from}/{to}/batch/…`, `…/labels` and `…/definitions/configurations/…`
    /// (hubspot-api.md §5.2). On date versions the two archive calls answer 200 instead of 204 (§9).
    func definitions(dateVersioned: Bool) -> RouteCollection<SandboxRequestContext> {
        let routes = RouteCollection(context: SandboxRequestContext.self)
        addBatchRoutes(to: routes, archiveStatus: dateVersioned ? .ok : .noContent)
        addLabelRoutes(to: routes)
        addLimitRoutes(to: routes)
        return routes
    }

    /// The v4 batch reads and writes.
    private func addBatchRoutes(to routes: RouteCollection<SandboxRequestContext>, archiveStatus: HTTPResponse.Status) {
        routes.post(":fromObjectType/:toObjectType/batch/read") { request, context in
            var request = request
            let (from, to) = try await objectPair(context)
            try context.requireRead(from)
            let inputs = try AssociationReadInput.batch(try await request.json(context, .associationReads))
            return batch(try await store.batchReadAssociations(from, to, inputs), .ok, \.json)
        }
        routes.post(":fromObjectType/:toObjectType/batch/create") { request, context in
            var request = request
            let (from, to) = try await objectPair(context)
            try context.requireWrite(from)
            let inputs = try AssociationPairInput.batch(try await request.json(context, .labeledAssociations))
            return batch(try await store.batchCreateAssociations(from, to, inputs), .created, \.json)
        }
        routes.post(":fromObjectType/:toObjectType/batch/associate/default") { request, context in
            var request = request
            let (from, to) = try await objectPair(context)
            try context.requireWrite(from)
            let inputs = try AssociationPairInput.batch(try await request.json(context, .defaultAssociations))
            return batch(try await store.batchAssociateDefault(from, to, inputs), .ok, \.json)
        }
        routes.post(":fromObjectType/:toObjectType/batch/archive") { request, context in
            var request = request
            let (from, to) = try await objectPair(context)
            try context.requireWrite(from)
            try await store.batchArchiveAssociations(from, to, try AssociationArchiveInput.batch(try await request.json(context, .associationArchive)))
            return Response(status: archiveStatus)
        }
        routes.post(":fromObjectType/:toObjectType/batch/labels/archive") { request, context in
            var request = request
            let (from, to) = try await objectPair(context)
            try context.requireWrite(from)
            try await store.batchArchiveLabels(from, to, try AssociationPairInput.batch(try await request.json(context, .labeledAssociations)))
            return Response(status: archiveStatus)
        }
    }

    /// Label listing, creation, renaming and deletion.
    private func addLabelRoutes(to routes: RouteCollection<SandboxRequestContext>) {
        routes.get(":fromObjectType/:toObjectType/labels") { _, context in
            let (from, to) = try await objectPair(context)
            try context.requireRead(from)
            return Response.json(["results": .array(await store.associationLabels(from, to).map(\.specWithLabel))])
        }
        routes.post(":fromObjectType/:toObjectType/labels") { request, context in
            var request = request
            let (from, to) = try await objectPair(context)
            try context.requireWrite(from)
            let input = AssociationLabelInput(json: try await request.json(context, .associationLabel))
            return Response.json(["results": .array(try await store.createAssociationLabel(from, to, input).map(\.specWithLabel))])
        }
        routes.put(":fromObjectType/:toObjectType/labels") { request, context in
            var request = request
            let (from, to) = try await objectPair(context)
            try context.requireWrite(from)
            try await store.updateAssociationLabel(from, to, AssociationLabelInput(json: try await request.json(context, .associationLabel)))
            return Response.noContent
        }
        routes.delete(":fromObjectType/:toObjectType/labels/:associationTypeId") { _, context in
            let (from, to) = try await objectPair(context)
            try context.requireWrite(from)
            try await store.deleteAssociationLabel(from, to, try context.parameter("associationTypeId"))
            return Response.noContent
        }
    }

    /// The association limit configurations.
    private func addLimitRoutes(to routes: RouteCollection<SandboxRequestContext>) {
        routes.get("definitions/configurations/all") { _, _ in
            Response.json(["results": .array(await store.associationLimits(nil).map(\.json))])
        }
        routes.get("definitions/configurations/:fromObjectType/:toObjectType") { _, context in
            let (from, to) = try await objectPair(context)
            try context.requireRead(from)
            return Response.json(["results": .array(await store.associationLimits((from, to)).map(\.json))])
        }
        // HubSpot's status for a limits create is UNCONFIRMED; like the other configuration writes it answers 200.
        for operation in ["create", "update"] {
            routes.post("definitions/configurations/:fromObjectType/:toObjectType/batch/\(operation)") { request, context in
                var request = request
                let (from, to) = try await objectPair(context)
                try context.requireWrite(from)
                let inputs = try AssociationLimitInput.batch(try await request.json(context, .associationLimits))
                return batch(try await store.configureAssociationLimits(from, to, inputs), .ok, \.json)
            }
        }
        routes.post("definitions/configurations/:fromObjectType/:toObjectType/batch/purge") { request, context in
            var request = request
            let (from, to) = try await objectPair(context)
            try context.requireWrite(from)
            try await store.purgeAssociationLimits(from, to, try AssociationLimitInput.batch(try await request.json(context, .associationLimits)))
            return Response.noContent
        }
    }
}
