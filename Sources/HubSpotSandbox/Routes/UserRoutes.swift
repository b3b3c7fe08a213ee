import Hummingbird
import JSONValue

/// The users and teams of the account (HubSpot's user-provisioning API, read side), at
/// `/settings/v3/users` and `/settings/users/{date}` (the spec collection has both): they back the owners
/// (hubspot-api.md §6). Writing users is not emulated.
struct UserRoutes: SandboxResource {
    let store: SandboxStore

    /// Scopes that grant reading users (the spec lists both).
    static let userScopes = ["crm.objects.users.read", "settings.users.read"]
    /// The scope that grants reading teams.
    static let teamScope = "settings.users.teams.read"

    func mount(on router: Router<SandboxRequestContext>) {
        router.addRoutes(collection(), atPaths: ["/settings/v3/users"] + DateVersion.all.map { "/settings/users/\($0)" })
    }

    /// List, teams and read-one routes.
    func collection() -> RouteCollection<SandboxRequestContext> {
        let routes = RouteCollection(context: SandboxRequestContext.self)
        routes.get { request, context in
            try context.require(anyOf: Self.userScopes)
            let limit = max(1, try request.queryInt("limit", default: 100, max: 100))
            return Response.json(try await store.listUsers(limit: limit, after: request.query("after")).json(linkBase: request.linkBase))
        }
        routes.get("teams") { _, context in
            try context.require(anyOf: [Self.teamScope])
            return Response.json(["results": .array(await store.listTeams().map(\.json))])
        }
        routes.get(":userId") { request, context in
            try context.require(anyOf: Self.userScopes)
            return Response.json(try await store.readUser(try context.parameter("userId"), idProperty: request.query("idProperty")).json)
        }
        return routes
    }
}
