import Hummingbird
import JSONValue

/// (Stub.)
struct OwnerRoutes: SandboxResource {
    let store: SandboxStore

    func mount(on router: Router<SandboxRequestContext>) {
    }
}
