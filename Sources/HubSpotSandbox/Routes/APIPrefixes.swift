import Hummingbird

/// The date-based API versions the emulator serves next to v3/v4 (hubspot-api.md §9).
enum DateVersion {
    static let all = ["2026-03", "2026-09"]
}

/// A group of HubSpot endpoints that mounts itself, under every path prefix HubSpot serves it at.
protocol SandboxResource {
    func mount(on router: Router<SandboxRequestContext>)
}

extension Router<SandboxRequestContext> {
    /// Adds `collection` under each of `prefixes`.
    func addRoutes(_ collection: RouteCollection<SandboxRequestContext>, atPaths prefixes: [String]) {
        for prefix in prefixes { addRoutes(collection, atPath: RouterPath(prefix)) }
    }
}

extension ObjectRoutes: SandboxResource {
    /// `/crm/v3/objects`, its alias `/crm/objects/v3` (hubspot-api.md §2) and `/crm/objects/{date}` (§9).
    func mount(on router: Router<SandboxRequestContext>) {
        router.addRoutes(collection(), atPaths: ["/crm/v3/objects", "/crm/objects/v3"] + DateVersion.all.map { "/crm/objects/\($0)" })
    }
}

extension AccountRoutes: SandboxResource {
    func mount(on router: Router<SandboxRequestContext>) {
        router.addRoutes(tokenInfo(), atPath: "/oauth/v2/private-apps")
        router.addRoutes(accountInfo(), atPaths: ["/account-info/v3"] + DateVersion.all.map { "/account-info/\($0)" })
    }
}
