import JSONValue

/// Saving and loading the whole account. (Stub.)
enum StateFile {
    static func load(_ path: String) throws -> SandboxStore? { nil }
    static func save(_ store: SandboxStore, to path: String) async throws {}
}
