import Foundation
import HubshShell
import Testing

/// Every example of every registered command, run through the real binary in the examples' world
/// (``Example``): a fresh seeded sandbox (`hubsh sandbox`) as the connection `prod`, the files the
/// examples name in the working directory. Each example must succeed and print what it says it prints,
/// as nushell's `test_examples` checks its commands' examples. One example at a time: each starts a
/// sandbox, and many at once would load the machine under the timing-sensitive tests running beside.
@Suite(.serialized)
struct SignatureExampleTests {
    /// One example of one command.
    struct Case: Sendable, CustomTestStringConvertible {
        let command: String
        let example: Example

        var testDescription: String { "\(command): \(example.text)" }

        /// What it should print: its own output, else one the table below gives it.
        var output: ExampleOutput? { example.output }
    }

    static let cases: [Case] = BuiltinCommands.registry.signatures.flatMap { signature in
        signature.examples.map { Case(command: signature.displayName, example: $0) }
    }

    /// The files the examples name, by name.
    static let files: [String: Data] = [
        "leads.csv": Data("email,firstname,lastname,country\nann@acme.com,Ann,Lee,DE\nbob@acme.com,Bob,Ray,AT\nann@acme.com,Ann,Lee,DE\n".utf8),
        "new-leads.csv": Data("email,firstname\nnew1@example.com,New\nnew2@example.com,Newer\n".utf8),
        "leads.jsonl": Data("{\"email\":\"ann@acme.com\"}\n{\"email\":\"bob@acme.com\"}\n".utf8),
        "tags.jsonl": Data("\"red\"\n\"blue\"\n\"red\"\n".utf8),
        "export.txt": Data("{\"a\":1}\n{\"a\":2}\n".utf8),
        // "Müller" as Windows-1252 (ü is one byte, 0xFC).
        "excel.csv": Data("name\nM".utf8) + Data([0xFC]) + Data("ller\n".utf8),
        "setup.hubsh": Data("let cutoff = 2025-06-01\n".utf8),
        "orders.csv": Data("country,total\nDE,10\nDE,30\nAT,5\n".utf8),
        "hubspot-export.csv": Data("Email,First Name,Record ID\nx1@example.com,Xa,\n".utf8),
        "crm-export.csv": Data("E-mail address,First Name\nann@acme.com,Ann\n".utf8),
    ]

    /// The statements that make the world's connections and activities, given the sandbox's address.
    static func world(_ baseURL: String) -> String {
        """
        connection add prod --token env:HUBSPOT_ACCESS_TOKEN --base-url \(baseURL) --no-test
        connection add old-portal --token pat-na1-old-portal --base-url \(baseURL) --no-test
        connection use prod
        activity add stale = search deals where hs_lastmodifieddate < $cutoff
        activity add import-leads = upsert contacts --by email
        """
    }

    @Test func everyRegisteredCommandHasExamplesThatSayWhatTheyPrint() {
        for signature in BuiltinCommands.registry.signatures {
            #expect(!signature.examples.isEmpty, "\(signature.displayName) has no example")
        }
        for example in Self.cases {
            #expect(example.output != nil, "\(example.testDescription) does not say what it prints")
        }
    }

    @Test(arguments: cases)
    func examplePrintsWhatItSays(_ example: Case) throws {
        guard let expected = example.output else { return }
        let sandbox = try SandboxProcess(["--search-lag", "0"])
        defer { sandbox.interrupt() }
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        for (name, data) in Self.files { try data.write(to: scratch.url.appendingPathComponent(name)) }
        let environment = ["XDG_CONFIG_HOME": scratch.path("config"), "XDG_STATE_HOME": scratch.path("state"),
                           "HUBSPOT_ACCESS_TOKEN": "pat-na1-sandbox"]
        func run(_ text: String) throws -> (status: Int32, output: String, errors: String) {
            try Hubsh.run(["-c", text], environment: environment, directory: scratch.url)
        }
        let world = try run(Self.world(sandbox.baseURL))
        try #require(world.status == 0, "the world: \(world.errors)")
        if let given = example.example.given {
            let result = try run(given)
            try #require(result.status == 0, "given \(given): \(result.errors)")
        }
        let result = try run(example.example.text)
        let transcript = "status \(result.status)\n--- stdout\n\(result.output.prefix(3000))--- stderr\n\(result.errors.prefix(2000))"
        #expect(result.status == 0, "\(transcript)")
        #expect(expected.matches(result.output), "expected \(expected)\n\(transcript)")
    }
}
