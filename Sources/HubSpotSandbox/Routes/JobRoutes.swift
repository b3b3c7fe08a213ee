import Hummingbird
import JSONValue

/// The Imports API (`/crm/v3/imports`, `/crm/imports/{date}`) and the Exports API
/// (`/crm/v3/exports/export/async`, `/crm/exports/{date}/export/async`), with the finished exports'
/// files (docs/sandbox.md, "Exports and imports").
struct JobRoutes: SandboxResource {
    let store: SandboxStore

    /// The largest import file taken, as HubSpot's import tool states (512 MB).
    static let maxImportBytes = 512 * 1024 * 1024
    /// Where finished exports are served; HubSpot's are signed URLs elsewhere, these need the token.
    static let filesPath = "/hubsh-sandbox/exports"

    func mount(on router: Router<SandboxRequestContext>) {
        router.addRoutes(imports(), atPaths: ["/crm/v3/imports"] + DateVersion.all.map { "/crm/imports/\($0)" })
        router.addRoutes(exports(), atPaths: ["/crm/v3/exports/export/async"] + DateVersion.all.map { "/crm/exports/\($0)/export/async" })
        let files = RouteCollection(context: SandboxRequestContext.self)
        files.get(":taskId/export.csv") { _, context in
            try context.require(anyOf: ["crm.export"])
            let csv = try await store.exportFile(try context.parameter("taskId"))
            var response = Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: csv)))
            response.headers[.contentType] = "text/csv; charset=utf-8"
            return response
        }
        router.addRoutes(files, atPath: RouterPath(Self.filesPath))
    }

    private func imports() -> RouteCollection<SandboxRequestContext> {
        let routes = RouteCollection(context: SandboxRequestContext.self)
        routes.post { request, context in
            try context.require(anyOf: ["crm.import"])
            let contentType = request.headers[.contentType] ?? ""
            var request = request
            let buffer = try await request.collectBody(upTo: Self.maxImportBytes)
            guard let form = MultipartForm(contentType: contentType, body: Array(buffer.readableBytesView)) else {
                throw HubSpotError.unsupportedMediaType(contentType)
            }
            guard let json = form.parts["importRequest"], let importRequest = try? JSONValue(parsing: json) else {
                throw HubSpotError.validation("The form needs an importRequest field holding the import's JSON")
            }
            guard let file = form.parts["files"] else { throw HubSpotError.validation("The form needs a files field holding the import file") }
            let input = try ImportInput(json: importRequest)
            return Response.json(try await store.startImport(input, file: file).json)
        }
        routes.get(":importId") { _, context in
            try context.require(anyOf: ["crm.import"])
            return Response.json(try await store.importStatus(try context.parameter("importId")).json)
        }
        routes.get(":importId/errors") { request, context in
            try context.require(anyOf: ["crm.import"])
            let limit = max(1, try request.queryInt("limit", default: 100, max: 500))
            return Response.json(try await store.importErrors(try context.parameter("importId"), limit: limit, after: request.query("after")).json)
        }
        return routes
    }

    private func exports() -> RouteCollection<SandboxRequestContext> {
        let routes = RouteCollection(context: SandboxRequestContext.self)
        routes.post { request, context in
            try context.require(anyOf: ["crm.export"])
            var request = request
            let input = try ExportInput(json: try await request.json(context, .any))
            return Response.json(ExportInput.started(try await store.startExport(input)))
        }
        routes.get("tasks/:taskId/status") { request, context in
            try context.require(anyOf: ["crm.export"])
            let host = request.head.authority ?? "api.hubapi.com"
            let status = try await store.exportStatus(try context.parameter("taskId"))
            return Response.json(status.json(fileBase: "http://\(host)\(Self.filesPath)"))
        }
        return routes
    }
}
