import Foundation
import Hummingbird
import NIOConcurrencyHelpers
import NIOCore

/// The request context of the emulator: Hummingbird's core context, the connection (to drop it for an
/// injected reset), the token's grant once authenticated, and the correlation id of the answer.
public struct SandboxRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The connection the request came on.
    public let channel: any Channel
    /// What the request's token may do; set by `AuthMiddleware`.
    public var grant: TokenGrant?
    /// `X-HubSpot-Correlation-Id` of this answer, also written into error bodies.
    public var correlationId: String = ""
    /// How many batch inputs the body held (for latency's per-record cost); set where bodies are read.
    let batchInputs = BatchInputCount()

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }

    /// Bodies up to 10 MB are read; HubSpot's own limits are far below.
    public var maxUploadSize: Int { 10 * 1024 * 1024 }

    /// Refuses the request with 403 `MISSING_SCOPES` unless the token holds one of `scopes`.
    public func require(anyOf scopes: [String]) throws(HubSpotError) {
        guard let grant, !grant.allows(anyOf: scopes) else { return }
        throw HubSpotError.missingScopes(scopes)
    }

    /// The read scopes that grant access to records of `type` (HubSpot lists them in a 403).
    public func requireRead(_ type: ObjectType) throws(HubSpotError) {
        try require(anyOf: [type.readScope, "crm.objects.\(type.scopeName).sensitive.read.v2", "crm.objects.\(type.scopeName).highly_sensitive.read.v2"])
    }

    /// The write scopes that grant changes to records of `type`.
    public func requireWrite(_ type: ObjectType) throws(HubSpotError) {
        try require(anyOf: [type.writeScope, "crm.objects.\(type.scopeName).sensitive.write.v2", "crm.objects.\(type.scopeName).highly_sensitive.write.v2"])
    }
}

/// The number of `inputs` in a request's body. A reference, so the latency middleware reads after `next`
/// what the route found.
final class BatchInputCount: Sendable {
    private let box = NIOLockedValueBox(0)
    var value: Int {
        get { box.withLockedValue { $0 } }
        set { box.withLockedValue { $0 = newValue } }
    }
}

/// A token the emulator accepts and the scopes it carries (`nil`: every scope).
public struct TokenGrant: Sendable, Hashable {
    /// The bearer token.
    public var token: String
    /// The scopes granted; `nil` grants all.
    public var scopes: Set<String>?

    public init(token: String, scopes: Set<String>? = nil) {
        self.token = token
        self.scopes = scopes
    }

    /// Reads `TOKEN` or `TOKEN:scope,scope`.
    public init(parsing text: String) {
        if let colon = text.firstIndex(of: ":") {
            token = String(text[..<colon])
            scopes = Set(text[text.index(after: colon)...].split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty })
        } else {
            token = text
            scopes = nil
        }
    }

    /// Whether the grant includes at least one of `required`.
    public func allows(anyOf required: [String]) -> Bool {
        guard let scopes else { return true }
        return required.contains { scopes.contains($0) }
    }

    /// The scopes reported by token introspection.
    public var reportedScopes: [String] {
        (scopes ?? Set(TokenGrant.allScopes)).sorted()
    }

    /// Every scope the emulated endpoints check.
    public static var allScopes: [String] {
        var scopes = ["oauth", "crm.objects.owners.read", "settings.users.read", "settings.users.teams.read",
                      "crm.schemas.custom.read", "crm.schemas.custom.write",
                      "crm.objects.custom.read", "crm.objects.custom.write", "crm.import", "crm.export"]
        for type in ObjectType.standardTypes {
            scopes += [type.readScope, type.writeScope, "crm.schemas.\(type.scopeName).read", "crm.schemas.\(type.scopeName).write"]
        }
        return scopes
    }
}

extension SandboxRequestContext {
    /// The path parameter `name`, percent-decoded: clients escape `@` and `+` in ids such as e-mail
    /// addresses (`/contacts/ann%40x.com?idProperty=email`), and HubSpot reads them decoded.
    public func parameter(_ name: String) throws -> String {
        let raw = try parameters.require(name)
        return raw.removingPercentEncoding ?? raw
    }
}
