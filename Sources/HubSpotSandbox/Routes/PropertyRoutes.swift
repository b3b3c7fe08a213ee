import Hummingbird
import JSONValue

/// (Stub.)
struct PropertyRoutes: SandboxResource {
    let store: SandboxStore

    func mount(on router: Router<SandboxRequestContext>) {
    }
}
