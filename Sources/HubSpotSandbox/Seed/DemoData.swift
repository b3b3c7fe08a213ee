import JSONValue

/// The deterministic demo account `hubsh --sandbox` starts with: 12 owners, 12 products, 400 companies,
/// 2,000 contacts, 1,200 deals and 600 tickets created between 2024-01-01 and 2026-06-30, with their
/// associations; last changes spread after creation, with one deliberate tie (five contacts of one list
/// import). The same seed gives the same account, ids included, on every run.
enum DemoData {
    /// The generator's seed.
    static let seedValue: UInt64 = 0x4855_4253_4844_454D  // "HUBSHDEM"
    /// How many records of each kind the account holds.
    static let companyCount = 400
    static let contactCount = 2_000
    static let dealCount = 1_200
    static let ticketCount = 600

    /// Fills an empty store with the demo account.
    static func seed(_ store: SandboxStore) async {
        var generator = DemoGenerator(seed: seedValue)
        let account = generator.account(companies: companyCount, contacts: contactCount, deals: dealCount, tickets: ticketCount)
        await store.installDemo(account, owners: DemoOwners.all())
    }
}

extension SandboxStore {
    /// Stores the demo account directly (its values are already in stored form; `DemoDataTests` checks
    /// every one against the definitions) and associates the records: each contact with its company
    /// (primary), each deal with its company (primary) and contacts, each ticket with a contact.
    func installDemo(_ account: DemoAccount, owners: [Owner]) {
        installOwners(owners)
        func insert(_ record: DemoRecord, _ typeId: String) -> Int {
            let stored = StoredRecord(id: nextId(), properties: record.properties, createdAt: record.createdAt, updatedAt: record.updatedAt)
            tables[typeId, default: RecordTable()].insert(stored)
            return stored.id
        }
        // The standard object types are installed when a store is made.
        guard let contacts = types["0-1"], let companies = types["0-2"], let deals = types["0-3"], let tickets = types["0-5"] else { return }
        for product in account.products { _ = insert(product, "0-7") }
        let companyIds = account.companies.map { insert($0, companies.objectTypeId) }
        var contactIds: [Int] = []
        for (record, company) in account.contacts {
            var record = record
            record.properties["associatedcompanyid"] = String(companyIds[company])
            let id = insert(record, contacts.objectTypeId)
            contactIds.append(id)
            try? associateDefault(contacts, id, companies, companyIds[company])
            try? associate(contacts, id, companies, companyIds[company], typeIds: [1])
        }
        for (record, company, people) in account.deals {
            let id = insert(record, deals.objectTypeId)
            try? associateDefault(deals, id, companies, companyIds[company])
            try? associate(deals, id, companies, companyIds[company], typeIds: [5])
            for person in people { try? associateDefault(deals, id, contacts, contactIds[person]) }
        }
        for (record, contact) in account.tickets {
            let id = insert(record, tickets.objectTypeId)
            try? associateDefault(tickets, id, contacts, contactIds[contact])
        }
    }
}
