import Hummingbird
import JSONValue

/// (Stub.)
struct AssociationRoutes: SandboxResource {
    let store: SandboxStore

    func mount(on router: Router<SandboxRequestContext>) {
    }
}
