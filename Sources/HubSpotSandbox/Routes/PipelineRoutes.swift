import Hummingbird
import JSONValue

/// (Stub.)
struct PipelineRoutes: SandboxResource {
    let store: SandboxStore

    func mount(on router: Router<SandboxRequestContext>) {
    }
}
