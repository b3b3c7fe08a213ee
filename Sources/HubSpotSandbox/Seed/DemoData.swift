/// The deterministic demo account. (Stub.)
enum DemoData {
    static func seed(_ store: SandboxStore) async {}
}
