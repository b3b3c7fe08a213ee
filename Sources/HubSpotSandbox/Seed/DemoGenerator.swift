/// One demo record before it has an id: stored-form property values and its times.
struct DemoRecord {
    var properties: [String: String]
    var createdAt: Timestamp
    var updatedAt: Timestamp
}

/// The demo account as plain values; records refer to each other by position.
struct DemoAccount {
    var companies: [DemoRecord] = []
    var contacts: [(record: DemoRecord, company: Int)] = []
    var deals: [(record: DemoRecord, company: Int, contacts: [Int])] = []
    var tickets: [(record: DemoRecord, contact: Int)] = []
    var products: [DemoRecord] = []
}

/// Draws the demo account from a seeded generator: realistic companies with domains, industries and
/// places; contacts with unique e-mail addresses at their company's domain; deals and tickets. Every
/// value is already in the form the store keeps (`PropertyDefinition.check` leaves it unchanged).
struct DemoGenerator {
    private var rng: SplitMix64
    /// Records are created between 2024-01-01 and 2026-06-30 (UTC).
    static let start = Timestamp(milliseconds: 1_704_067_200_000)
    static let end = Timestamp(milliseconds: 1_782_863_999_999)
    private static let day: Int64 = 86_400_000

    init(seed: UInt64) {
        rng = SplitMix64(seed: seed)
    }

    /// The whole account with the given numbers of records.
    mutating func account(companies: Int, contacts: Int, deals: Int, tickets: Int) -> DemoAccount {
        var account = DemoAccount()
        account.products = products()
        var places: [Int] = []
        var names = Set<String>()
        for created in times(companies) {
            let (company, place) = company(created: created, taken: &names)
            account.companies.append(company)
            places.append(place)
        }
        var emails = Set<String>()
        var staff = [[Int]](repeating: [], count: companies)
        for created in times(contacts) {
            let index = rng.int(0...(companies - 1))
            account.contacts.append((contact(of: account.companies[index], place: places[index], created: created, emails: &emails), index))
            staff[index].append(account.contacts.count - 1)
        }
        bulkEdit(&account.contacts, at: DemoGenerator.bulkEditedContacts)
        for created in times(deals) {
            var index = rng.int(0...(companies - 1))
            while staff[index].isEmpty { index = (index + 1) % companies }
            let people = rng.sample(staff[index], count: rng.int(1...3))
            account.deals.append((deal(for: account.companies[index], created: created), index, people))
        }
        for created in times(tickets) {
            account.tickets.append((ticket(created: created), rng.int(0...(contacts - 1))))
        }
        return account
    }

    // MARK: Times

    /// Contacts (by position) one list import changed at the same moment: a true tie of last-change
    /// times, as real accounts have, which a bookmark-based sync must handle.
    static let bulkEditedContacts = [7, 407, 807, 1_207, 1_607]

    /// Gives the contacts at `positions` (those that exist) one last-change time, an hour after the latest of them.
    private func bulkEdit(_ contacts: inout [(record: DemoRecord, company: Int)], at positions: [Int]) {
        let chosen = positions.filter { $0 < contacts.count }
        guard let latest = chosen.map({ contacts[$0].record.updatedAt }).max() else { return }
        let time = Timestamp(milliseconds: min(latest.milliseconds + 3_600_000, DemoGenerator.end.milliseconds))
        for position in chosen { contacts[position].record.updatedAt = time }
    }

    /// `count` creation times spread over the demo period, oldest first (so ids and times agree).
    private mutating func times(_ count: Int) -> [Timestamp] {
        let span = Int(DemoGenerator.end.milliseconds - DemoGenerator.start.milliseconds)
        return (0..<count).map { _ in Int64(rng.int(0...span)) }.sorted().map { Timestamp(milliseconds: DemoGenerator.start.milliseconds + $0) }
    }

    /// A last-change time up to four months after `created`, within the period: the draw is scaled into
    /// the time left (not clamped to the period's end, which would give many records one shared time
    /// and make every incremental sync from a bookmark re-read them).
    private mutating func updated(_ created: Timestamp) -> Timestamp {
        let drawn = Int64(rng.int(0...120)) * DemoGenerator.day + Int64(rng.int(0...86_399_999))
        return Timestamp(milliseconds: created.milliseconds + within(drawn, of: 121 * DemoGenerator.day, after: created))
    }

    /// `offset` (drawn from `0..<span`) scaled into the time between `created` and the period's end, when
    /// that is shorter than `span`.
    private func within(_ offset: Int64, of span: Int64, after created: Timestamp) -> Int64 {
        let left = DemoGenerator.end.milliseconds - created.milliseconds
        guard left < span else { return offset }
        return Int64((Double(offset) / Double(span) * Double(left)).rounded(.down))
    }

    // MARK: Records

    /// A company whose name (and so domain) is not in `taken`, and the index of its place.
    private mutating func company(created: Timestamp, taken: inout Set<String>) -> (DemoRecord, Int) {
        var root: String
        var sector: (word: String, industry: String)
        repeat {
            root = rng.pick(DemoNames.companyRoots)
            sector = rng.pick(DemoNames.companySectors)
        } while !taken.insert("\(root) \(sector.word)").inserted
        let name = root + " " + sector.word + rng.pick(DemoNames.companySuffixes)
        let domain = "\(root)\(sector.word)".lowercased() + "." + rng.pick(weighted: DemoNames.topLevelDomains)
        let placeIndex = rng.int(0...(DemoNames.places.count - 1))
        let place = DemoNames.places[placeIndex]
        let employees = [5, 12, 25, 40, 80, 150, 300, 650, 1_200, 4_000, 12_000][rng.int(0...10)] + rng.int(0...9)
        let industryLabel = StandardOptions.industries.first { $0.value == sector.industry }?.label ?? sector.word
        var p: [String: String] = [
            "name": name, "domain": domain, "website": "https://www.\(domain)", "phone": phone(place.phone),
            "industry": sector.industry, "numberofemployees": String(employees),
            "annualrevenue": String(employees * rng.int(60...240) * 1_000),
            "city": place.city, "state": place.state, "country": place.country, "zip": place.zip + String(rng.int(10...99)),
            "address": "\(rng.int(1...2400)) \(rng.pick(DemoNames.streets)) \(rng.pick(DemoNames.streetKinds))",
            "type": rng.pick(weighted: [("PROSPECT", 14), ("PARTNER", 2), ("RESELLER", 2), ("VENDOR", 1), ("OTHER", 1)]),
            "lifecyclestage": rng.pick(weighted: [("lead", 5), ("marketingqualifiedlead", 2), ("salesqualifiedlead", 2),
                                                  ("opportunity", 3), ("customer", 6), ("evangelist", 1), ("other", 1)]),
            "hubspot_owner_id": rng.pick(DemoOwners.salesOwners),
            "description": "\(name) is a \(industryLabel.lowercased()) company based in \(place.city), \(place.country).",
            "founded_year": String(rng.int(1950...2021)),
            "web_technologies": rng.sample(["google_analytics", "hubspot", "wordpress", "shopify", "salesforce", "stripe",
                                            "zendesk", "cloudflare", "amazon_web_services", "slack"], count: rng.int(1...4)).joined(separator: ";"),
            "hs_analytics_source": rng.pick(["ORGANIC_SEARCH", "PAID_SEARCH", "REFERRALS", "DIRECT_TRAFFIC", "OFFLINE", "SOCIAL_MEDIA"]),
        ]
        if employees > 1_000 { p["is_public"] = String(rng.chance(0.5)) }
        return (DemoRecord(properties: p, createdAt: created, updatedAt: updated(created)), placeIndex)
    }

    /// A contact at `company`, with an address at the company's domain that no other contact has.
    private mutating func contact(of company: DemoRecord, place: Int, created: Timestamp, emails: inout Set<String>) -> DemoRecord {
        let first = rng.pick(DemoNames.firstNames)
        let last = rng.pick(DemoNames.lastNames)
        let domain = company.made("domain")
        var local = "\(first).\(last)".lowercased()
        if emails.contains("\(local)@\(domain)") { local = "\(first.prefix(1))\(last)".lowercased() }
        var suffix = 2
        var email = "\(local)@\(domain)"
        while !emails.insert(email).inserted {
            email = "\(local)\(suffix)@\(domain)"
            suffix += 1
        }
        let stage = rng.pick(weighted: [("subscriber", 2), ("lead", 8), ("marketingqualifiedlead", 4), ("salesqualifiedlead", 3),
                                        ("opportunity", 3), ("customer", 5), ("evangelist", 1), ("other", 1)])
        var p: [String: String] = [
            "email": email, "firstname": first, "lastname": last, "company": company.made("name"),
            "jobtitle": rng.pick(DemoNames.jobTitles), "phone": phone(DemoNames.places[place].phone),
            "city": company.made("city"), "state": company.made("state"), "country": company.made("country"),
            "lifecyclestage": stage, "website": company.made("website"),
            "hubspot_owner_id": rng.chance(0.8) ? company.made("hubspot_owner_id")
                : rng.pick(DemoOwners.salesOwners + DemoOwners.successOwners),
            "hs_analytics_source": rng.pick(["ORGANIC_SEARCH", "PAID_SEARCH", "EMAIL_MARKETING", "REFERRALS", "DIRECT_TRAFFIC", "PAID_SOCIAL"]),
            "hs_language": rng.pick(weighted: [("en", 12), ("de", 1), ("fr", 1), ("es", 1)]),
        ]
        if ["lead", "marketingqualifiedlead", "salesqualifiedlead"].contains(stage) {
            p["hs_lead_status"] = rng.pick(["NEW", "OPEN", "IN_PROGRESS", "ATTEMPTED_TO_CONTACT", "CONNECTED", "BAD_TIMING", "UNQUALIFIED"])
        } else if stage == "opportunity" {
            p["hs_lead_status"] = "OPEN_DEAL"
        }
        if rng.chance(0.4) { p["mobilephone"] = phone(DemoNames.places[place].phone) }
        if rng.chance(0.3) {
            p["hs_buying_role"] = rng.sample(["BUDGET_HOLDER", "CHAMPION", "DECISION_MAKER", "END_USER", "INFLUENCER"],
                                             count: rng.int(1...2)).joined(separator: ";")
        }
        return DemoRecord(properties: p, createdAt: created, updatedAt: updated(created))
    }

    /// A deal with `company`, in the default pipeline.
    private mutating func deal(for company: DemoRecord, created: Timestamp) -> DemoRecord {
        let stage = rng.pick(weighted: [("appointmentscheduled", 15), ("qualifiedtobuy", 15), ("presentationscheduled", 12),
                                        ("decisionmakerboughtin", 10), ("contractsent", 8), ("closedwon", 25), ("closedlost", 15)])
        let close = Timestamp(milliseconds: created.milliseconds + Int64(rng.int(7...150)) * DemoGenerator.day)
        let companyName = company.made("name")
        var p: [String: String] = [
            "dealname": "\(companyName) - \(rng.pick(DemoNames.dealKinds))",
            "amount": String(rng.pick([1, 2, 3, 5, 8, 12, 20, 35, 60, 120]) * rng.int(10...50) * 100),
            "closedate": close.iso8601, "pipeline": "default", "dealstage": stage,
            "dealtype": rng.pick(weighted: [("newbusiness", 13), ("existingbusiness", 7)]),
            "hubspot_owner_id": rng.chance(0.85) ? company.made("hubspot_owner_id") : rng.pick(DemoOwners.salesOwners),
            "hs_priority": rng.pick(weighted: [("low", 3), ("medium", 5), ("high", 2)]),
            "deal_currency_code": "USD",
        ]
        if rng.chance(0.3) {
            let source = rng.pick(["an inbound demo request", "a partner referral", "an outbound sequence", "a trade show", "an existing customer"])
            p["description"] = "Opportunity with \(companyName) sourced by \(source)."
        }
        if stage == "closedlost" { p["closed_lost_reason"] = rng.pick(DemoNames.lostReasons) }
        if stage != "closedwon" && stage != "closedlost" && rng.chance(0.5) {
            p["hs_next_step"] = rng.pick(["Send proposal", "Schedule technical review", "Follow up with procurement", "Book demo with team"])
        }
        return DemoRecord(properties: p, createdAt: created, updatedAt: updated(created))
    }

    /// A support ticket in the default ticket pipeline.
    private mutating func ticket(created: Timestamp) -> DemoRecord {
        let topic = rng.pick(DemoNames.ticketSubjects)
        let stage = rng.pick(weighted: [("1", 25), ("2", 15), ("3", 20), ("4", 40)])
        var category = topic.category
        if rng.chance(0.1) && category != "GENERAL_INQUIRY" { category += ";GENERAL_INQUIRY" }
        var p: [String: String] = [
            "subject": topic.subject,
            "content": "\(rng.pick(DemoNames.ticketOpenings)) \(topic.subject.prefix(1).lowercased() + topic.subject.dropFirst()). Could you help?",
            "hs_pipeline": "0", "hs_pipeline_stage": stage, "hs_ticket_category": category,
            "hs_ticket_priority": rng.pick(weighted: [("LOW", 4), ("MEDIUM", 5), ("HIGH", 3), ("URGENT", 1)]),
            "source_type": rng.pick(["CHAT", "EMAIL", "FORM", "PHONE"]), "hubspot_owner_id": rng.pick(DemoOwners.supportOwners),
        ]
        var updatedAt = updated(created)
        if stage == "4" {
            let drawn = Int64(rng.int(1_800_000...(10 * Int(DemoGenerator.day))))
            let closed = Timestamp(milliseconds: created.milliseconds + within(drawn, of: 10 * DemoGenerator.day + 1, after: created))
            p["closed_date"] = closed.iso8601
            p["hs_resolution"] = rng.pick(["ISSUE_FIXED", "KNOWLEDGE_BASE_ARTICLE", "WORKAROUND", "DUPLICATE", "OTHER"])
            updatedAt = max(updatedAt, closed)
        }
        return DemoRecord(properties: p, createdAt: created, updatedAt: updatedAt)
    }

    /// The product library: subscriptions and services (created at the start of the period).
    private mutating func products() -> [DemoRecord] {
        let catalog: [(String, String, Int, String?, String)] = [
            ("Starter Plan", "Core CRM for small teams, billed monthly per seat.", 50, "monthly", "Subscriptions"),
            ("Professional Plan", "Automation, reporting and sequences, billed monthly per seat.", 90, "monthly", "Subscriptions"),
            ("Enterprise Plan", "Advanced permissions, sandboxes and SSO, billed annually per seat.", 1_500, "annually", "Subscriptions"),
            ("Analytics Add-on", "Custom dashboards and attribution reporting.", 300, "monthly", "Add-ons"),
            ("Extra Storage 100 GB", "Additional file storage for attachments.", 20, "monthly", "Add-ons"),
            ("Premium Support", "24/7 phone support with a four-hour response target.", 4_000, "annually", "Add-ons"),
            ("Onboarding Package", "Guided set-up over six weeks with a named consultant.", 3_000, nil, "Services"),
            ("Data Migration", "Import and clean-up of records from a legacy CRM.", 2_500, nil, "Services"),
            ("Custom Integration", "Build of one custom integration by our services team.", 7_500, nil, "Services"),
            ("Admin Training (per day)", "On-site or remote training for administrators.", 1_200, nil, "Services"),
            ("API Call Pack", "One million additional API calls per month.", 500, "monthly", "Add-ons"),
            ("Hardware Scanner", "Badge scanner for event lead capture.", 350, nil, "Hardware"),
        ]
        return catalog.enumerated().map { index, item in
            let created = Timestamp(milliseconds: DemoGenerator.start.milliseconds + Int64(index) * 3_600_000 + 34_567)
            var p = ["name": item.0, "description": item.1, "price": String(item.2), "hs_sku": "BW-\(1_001 + index)",
                     "hs_folder": item.4, "hs_cost_of_goods_sold": String(item.2 / 5),
                     "hs_product_type": item.4 == "Services" ? "service" : item.4 == "Hardware" ? "inventory" : "non_inventory"]
            if let frequency = item.3 { p["recurringbillingfrequency"] = frequency; p["hs_recurring_billing_period"] = "P12M" }
            return DemoRecord(properties: p, createdAt: created, updatedAt: created)
        }
    }

    /// A phone number with `prefix` and four random digits.
    private mutating func phone(_ prefix: String) -> String {
        let digits = String(rng.int(0...9_999))
        return prefix + String(repeating: "0", count: 4 - digits.count) + digits
    }
}

private extension DemoRecord {
    /// A property the generator sets on every record of this kind (a company's name, domain, place
    /// and owner), for the records made from it.
    func made(_ name: String) -> String { properties[name] ?? "" }
}
