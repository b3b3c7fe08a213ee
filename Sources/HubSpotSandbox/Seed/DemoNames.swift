/// The word lists the demo account is drawn from: people, companies, places, titles and texts.
enum DemoNames {
    /// Splits a space-separated list (the lists are kept as text to stay compact).
    private static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    }

    static let firstNames = words("""
        James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan Joseph Jessica
        Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy Matthew Betty Anthony Sandra Mark Margaret Donald Ashley
        Steven Kimberly Andrew Emily Paul Donna Joshua Michelle Kenneth Carol Kevin Amanda Brian Melissa George Deborah
        Timothy Stephanie Ronald Rebecca Jason Sharon Edward Laura Jeffrey Cynthia Ryan Amy Jacob Kathleen Gary Angela
        Nicholas Shirley Eric Brenda Jonathan Emma Stephen Anna Larry Pamela Justin Nicole Scott Samantha Brandon Katherine
        Benjamin Christine Samuel Helen Gregory Debra Alexander Rachel Patrick Carolyn Frank Janet Raymond Maria Jack Olivia
        Dennis Heather Jerry Diane Tyler Julie Aaron Joyce Jose Victoria Adam Ruby Nathan Grace Henry Lauren Zachary Megan
        Liam Noah Oliver Elijah Lucas Mason Logan Ethan Aiden Mateo Leo Sophia Isabella Mia Charlotte Amelia Harper Evelyn
        Priya Arjun Ananya Rohan Wei Mei Hiroshi Yuki Kenji Sakura Lars Ingrid Sven Astrid Pierre Camille Luca Giulia
        Diego Lucia Omar Layla Tariq Fatima Kwame Amara Chidi Zara Niamh Declan Siobhan Aoife Mateus Beatriz Jonas Freya
        """)

    static let lastNames = words("""
        Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson
        Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young
        Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter
        Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers
        Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez
        Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez
        Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson Barnes Fisher Vasquez Simmons Graham Marshall
        Owens Harrison Fernandez McDonald Woods Washington Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns
        Crawford Olson Simpson Porter Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon Munoz Hunt Hicks Holmes Palmer
        Wagner Black Robertson Boyd Rose Stone Salazar Fox Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson Nichols
        Sharma Gupta Singh Tanaka Sato Suzuki Larsen Nilsen Johansson Dubois Moreau Rossi Bianchi Costa Ferreira Okafor
        Mensah Haddad Khalil Doyle Murray Walsh Novak Kowalski Fischer Weber Becker Jansen DeVries Eriksen Lindqvist
        """)

    /// The first word of a company name.
    static let companyRoots = words("""
        Acme Apex Arbor Atlas Aurora Azure Beacon Birch Bluebird Boulder Bright Brook Cascade Cedar Summit Cobalt Compass
        Copper Coral Crescent Crest Crystal Cypress Delta Eagle Echo Ember Evergreen Falcon Fjord Flint Forge Frontier
        Garnet Glacier Granite Harbor Hawthorne Helix Highland Horizon Indigo Iron Juniper Keystone Kestrel Lakeside Lantern
        Laurel Legacy Liberty Lighthouse Linden Lumen Magnolia Maple Marble Meridian Mesa Metro Monarch Northwind Nova
        Oak Obsidian Onyx Orchard Orion Pacific Paragon Peak Pinnacle Pioneer Polar Prairie Prism Quantum Quarry Radiant
        Raven Redwood Ridge River Sable Sage Sapphire Sequoia Sierra Silver Skyline Solstice Spruce Sterling Stone Harvest
        Sunrise Tandem Terra Thistle Timber Trident True Tundra Unity Vanguard Vector Velvet Verde Vertex Vista Willow
        Zenith Zephyr Alder Bison Canyon Driftwood Fairway Greystone Ironwood Kingfisher Larkspur Moonstone Nimbus Osprey
        """)

    /// The second word of a company name, the industry it suggests, and a typical job family.
    static let companySectors: [(word: String, industry: String)] = [
        ("Software", "COMPUTER_SOFTWARE"), ("Analytics", "COMPUTER_SOFTWARE"), ("Labs", "INTERNET"), ("Digital", "INTERNET"),
        ("Systems", "INFORMATION_TECHNOLOGY_AND_SERVICES"), ("Technologies", "INFORMATION_TECHNOLOGY_AND_SERVICES"),
        ("Security", "COMPUTER_NETWORK_SECURITY"), ("Networks", "TELECOMMUNICATIONS"), ("Capital", "FINANCIAL_SERVICES"),
        ("Financial", "FINANCIAL_SERVICES"), ("Bank", "BANKING"), ("Insurance", "INSURANCE"), ("Health", "HOSPITAL_HEALTH_CARE"),
        ("Medical", "MEDICAL_DEVICES"), ("Biosciences", "BIOTECHNOLOGY"), ("Pharma", "PHARMACEUTICALS"),
        ("Logistics", "LOGISTICS_AND_SUPPLY_CHAIN"), ("Freight", "TRANSPORTATION_TRUCKING_RAILROAD"),
        ("Manufacturing", "MECHANICAL_OR_INDUSTRIAL_ENGINEERING"), ("Industries", "MECHANICAL_OR_INDUSTRIAL_ENGINEERING"),
        ("Builders", "CONSTRUCTION"), ("Engineering", "CIVIL_ENGINEERING"), ("Energy", "RENEWABLES_ENVIRONMENT"),
        ("Solar", "RENEWABLES_ENVIRONMENT"), ("Foods", "FOOD_BEVERAGES"), ("Brewing", "FOOD_BEVERAGES"), ("Retail", "RETAIL"),
        ("Outfitters", "APPAREL_FASHION"), ("Media", "BROADCAST_MEDIA"), ("Studios", "ENTERTAINMENT"),
        ("Marketing", "MARKETING_AND_ADVERTISING"), ("Consulting", "MANAGEMENT_CONSULTING"), ("Partners", "MANAGEMENT_CONSULTING"),
        ("Legal", "LEGAL_SERVICES"), ("Accounting", "ACCOUNTING"), ("Realty", "REAL_ESTATE"), ("Properties", "REAL_ESTATE"),
        ("Learning", "E_LEARNING"), ("Academy", "EDUCATION_MANAGEMENT"), ("Hotels", "HOSPITALITY"), ("Motors", "AUTOMOTIVE"),
        ("Electronics", "CONSUMER_ELECTRONICS"), ("Goods", "CONSUMER_GOODS"), ("Wellness", "HEALTH_WELLNESS_AND_FITNESS"),
        ("Staffing", "STAFFING_AND_RECRUITING"), ("Ventures", "VENTURE_CAPITAL_PRIVATE_EQUITY"), ("Supply", "WHOLESALE"),
        ("Airways", "AIRLINES_AVIATION"), ("Foundation", "NONPROFIT_ORGANIZATION_MANAGEMENT"), ("Environmental", "ENVIRONMENTAL_SERVICES"),
    ]

    /// Legal-form endings some company names carry.
    static let companySuffixes = ["", "", "", "", " Inc.", " LLC", " Group", " Co.", " Ltd"]

    /// Top-level domains, most often `.com`.
    static let topLevelDomains = [("com", 12), ("io", 3), ("co", 2), ("net", 1), ("ai", 1)]

    /// (city, state or region, country, phone prefix, postal code prefix).
    static let places: [(city: String, state: String, country: String, phone: String, zip: String)] = [
        ("Boston", "Massachusetts", "United States", "+1 617-555-", "021"), ("New York", "New York", "United States", "+1 212-555-", "100"),
        ("San Francisco", "California", "United States", "+1 415-555-", "941"), ("Austin", "Texas", "United States", "+1 512-555-", "787"),
        ("Chicago", "Illinois", "United States", "+1 312-555-", "606"), ("Seattle", "Washington", "United States", "+1 206-555-", "981"),
        ("Denver", "Colorado", "United States", "+1 303-555-", "802"), ("Atlanta", "Georgia", "United States", "+1 404-555-", "303"),
        ("Miami", "Florida", "United States", "+1 305-555-", "331"), ("Los Angeles", "California", "United States", "+1 213-555-", "900"),
        ("Raleigh", "North Carolina", "United States", "+1 919-555-", "276"), ("Minneapolis", "Minnesota", "United States", "+1 612-555-", "554"),
        ("Toronto", "Ontario", "Canada", "+1 416-555-", "M5V"), ("Vancouver", "British Columbia", "Canada", "+1 604-555-", "V6B"),
        ("London", "England", "United Kingdom", "+44 20 7946 ", "EC1"), ("Manchester", "England", "United Kingdom", "+44 161 496 ", "M1"),
        ("Dublin", "Leinster", "Ireland", "+353 1 555 ", "D02"), ("Berlin", "Berlin", "Germany", "+49 30 5550 ", "101"),
        ("Munich", "Bavaria", "Germany", "+49 89 5550 ", "803"), ("Paris", "Île-de-France", "France", "+33 1 55 50 ", "750"),
        ("Amsterdam", "North Holland", "Netherlands", "+31 20 555 ", "101"), ("Stockholm", "Stockholm", "Sweden", "+46 8 555 ", "111"),
        ("Sydney", "New South Wales", "Australia", "+61 2 5550 ", "200"), ("Melbourne", "Victoria", "Australia", "+61 3 5550 ", "300"),
        ("Singapore", "Singapore", "Singapore", "+65 6555 ", "018"),
    ]

    static let streets = words("Main Oak Maple Cedar Elm Pine Park Lake Hill Washington Market Church High Mill River Spring Union Water")
    static let streetKinds = ["Street", "Avenue", "Road", "Boulevard", "Lane", "Way", "Drive"]

    /// Job titles, most often individual contributors.
    static let jobTitles = [
        "Chief Executive Officer", "Chief Technology Officer", "Chief Financial Officer", "VP of Sales", "VP of Marketing",
        "VP of Engineering", "Head of Operations", "Director of IT", "Director of Procurement", "Marketing Manager",
        "Sales Manager", "Account Executive", "Operations Manager", "Product Manager", "Software Engineer", "Data Analyst",
        "Customer Success Manager", "Office Manager", "Financial Analyst", "HR Business Partner", "Project Manager",
        "Solutions Architect", "IT Administrator", "Purchasing Manager", "Business Development Representative",
    ]

    /// What a deal is for; the deal name is `Company - kind`.
    static let dealKinds = [
        "New Business", "Annual Renewal", "Expansion", "Pilot", "Platform Upgrade", "Enterprise License", "Professional Services",
        "Add-on Seats", "Multi-year Agreement", "Onboarding Package", "Premium Support", "Data Migration",
    ]

    /// Why a deal was lost.
    static let lostReasons = ["Chose a competitor", "No budget this year", "Project cancelled", "Went silent", "Price too high", "Timing"]

    /// Ticket subjects with the category each suggests.
    static let ticketSubjects: [(subject: String, category: String)] = [
        ("Cannot log in after password reset", "PRODUCT_ISSUE"), ("Invoice shows the wrong amount", "BILLING_ISSUE"),
        ("Export to CSV times out", "PRODUCT_ISSUE"), ("Request: dark mode for the dashboard", "FEATURE_REQUEST"),
        ("How do I add a new user?", "GENERAL_INQUIRY"), ("Charged twice this month", "BILLING_ISSUE"),
        ("Sync with calendar stopped working", "PRODUCT_ISSUE"), ("Need a copy of our contract", "GENERAL_INQUIRY"),
        ("API returns 500 on bulk import", "PRODUCT_ISSUE"), ("Request: SSO with Okta", "FEATURE_REQUEST"),
        ("Update billing address", "BILLING_ISSUE"), ("Reports load very slowly", "PRODUCT_ISSUE"),
        ("Question about data retention", "GENERAL_INQUIRY"), ("Request: more custom fields", "FEATURE_REQUEST"),
        ("Mobile app crashes on start", "PRODUCT_ISSUE"), ("Cancel our add-on subscription", "BILLING_ISSUE"),
        ("Emails are not being delivered", "PRODUCT_ISSUE"), ("Training session for new team", "GENERAL_INQUIRY"),
        ("Webhook payload missing fields", "PRODUCT_ISSUE"), ("Request: Slack notifications", "FEATURE_REQUEST"),
    ]

    /// Openings of ticket descriptions.
    static let ticketOpenings = [
        "Hi team, since yesterday", "Hello, we noticed that", "Our admin reports that", "Good morning, it seems that",
        "Quick question:", "Urgent:", "Following up on my call:",
    ]
}
