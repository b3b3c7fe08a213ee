import Hummingbird
import JSONValue

/// The owners API (hubspot-api.md §6), read-only, at `/crm/v3/owners` and `/crm/owners/{date}` (§9).
/// Hummingbird's router ignores empty path components, so `/crm/v3/owners/` reaches the list as well.
/// Every route needs `crm.objects.owners.read`.
struct OwnerRoutes: SandboxResource {
    let store: SandboxStore

    /// The one scope that grants the owners API.
    static let scope = "crm.objects.owners.read"

    func mount(on router: Router<SandboxRequestContext>) {
        router.addRoutes(collection(), atPaths: ["/crm/v3/owners"] + DateVersion.all.map { "/crm/owners/\($0)" })
    }

    /// The list and read routes under one prefix.
    func collection() -> RouteCollection<SandboxRequestContext> {
        let routes = RouteCollection(context: SandboxRequestContext.self)
        routes.get { request, context in
            try context.require(anyOf: [Self.scope])
            // The default page is 100 owners; the maximum of 500 is UNCONFIRMED (§6).
            let limit = max(1, try request.queryInt("limit", default: 100, max: 500))
            let email = request.query("email")
            let archived = try request.queryBool("archived")
            let (owners, next) = try await store.listOwners(email: email, after: request.query("after"), limit: limit, archived: archived)
            var body: JSONObject = ["results": .array(owners.map(\.json))]
            if let next {
                var link = "\(request.linkBase)?limit=\(limit)&after=\(next)"
                if let email { link += "&email=\(email)" }
                if archived { link += "&archived=true" }
                body["paging"] = ["next": ["after": .string(next), "link": .string(link)]]
            }
            return Response.json(.object(body))
        }
        routes.get(":ownerId") { request, context in
            try context.require(anyOf: [Self.scope])
            return Response.json(try await store.readOwner(try context.parameter("ownerId"), idProperty: request.query("idProperty"),
                                                           archived: try request.queryBool("archived")).json)
        }
        return routes
    }
}
