import Hummingbird
import JSONValue

/// (Stub.)
struct SchemaRoutes: SandboxResource {
    let store: SandboxStore

    func mount(on router: Router<SandboxRequestContext>) {
    }
}
