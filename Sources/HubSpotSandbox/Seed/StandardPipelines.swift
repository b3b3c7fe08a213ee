import JSONValue

/// The default deal and ticket pipelines. (Stub.)
enum StandardPipelines {
    static func install(into pipelines: inout [String: [JSONObject]], properties: inout [String: PropertyCatalog]) {
    }
}
