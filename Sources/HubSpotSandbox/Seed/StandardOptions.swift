/// Option lists HubSpot shares between several standard properties (values are HubSpot's internal ones).
enum StandardOptions {
    /// `lifecyclestage` of contacts and companies.
    static let lifecycleStages = PropertyOption.list([
        ("subscriber", "Subscriber"), ("lead", "Lead"), ("marketingqualifiedlead", "Marketing Qualified Lead"),
        ("salesqualifiedlead", "Sales Qualified Lead"), ("opportunity", "Opportunity"), ("customer", "Customer"),
        ("evangelist", "Evangelist"), ("other", "Other"),
    ])

    /// `hs_lead_status` of contacts and companies.
    static let leadStatuses = PropertyOption.list([
        ("NEW", "New"), ("OPEN", "Open"), ("IN_PROGRESS", "In Progress"), ("OPEN_DEAL", "Open Deal"),
        ("UNQUALIFIED", "Unqualified"), ("ATTEMPTED_TO_CONTACT", "Attempted to Contact"), ("CONNECTED", "Connected"),
        ("BAD_TIMING", "Bad Timing"),
    ])

    /// A realistic subset of HubSpot's `industry` options (companies).
    static let industries = PropertyOption.list([
        ("ACCOUNTING", "Accounting"), ("AIRLINES_AVIATION", "Airlines/Aviation"), ("APPAREL_FASHION", "Apparel & Fashion"),
        ("AUTOMOTIVE", "Automotive"), ("BANKING", "Banking"), ("BIOTECHNOLOGY", "Biotechnology"),
        ("BROADCAST_MEDIA", "Broadcast Media"), ("CIVIL_ENGINEERING", "Civil Engineering"),
        ("COMPUTER_HARDWARE", "Computer Hardware"), ("COMPUTER_NETWORK_SECURITY", "Computer & Network Security"),
        ("COMPUTER_SOFTWARE", "Computer Software"), ("CONSTRUCTION", "Construction"),
        ("CONSUMER_ELECTRONICS", "Consumer Electronics"), ("CONSUMER_GOODS", "Consumer Goods"), ("E_LEARNING", "E-Learning"),
        ("EDUCATION_MANAGEMENT", "Education Management"), ("ENTERTAINMENT", "Entertainment"),
        ("ENVIRONMENTAL_SERVICES", "Environmental Services"), ("FINANCIAL_SERVICES", "Financial Services"),
        ("FOOD_BEVERAGES", "Food & Beverages"), ("HEALTH_WELLNESS_AND_FITNESS", "Health, Wellness and Fitness"),
        ("HOSPITAL_HEALTH_CARE", "Hospital & Health Care"), ("HOSPITALITY", "Hospitality"),
        ("INFORMATION_TECHNOLOGY_AND_SERVICES", "Information Technology and Services"), ("INSURANCE", "Insurance"),
        ("INTERNET", "Internet"), ("LEGAL_SERVICES", "Legal Services"), ("LOGISTICS_AND_SUPPLY_CHAIN", "Logistics and Supply Chain"),
        ("MANAGEMENT_CONSULTING", "Management Consulting"), ("MARKETING_AND_ADVERTISING", "Marketing and Advertising"),
        ("MECHANICAL_OR_INDUSTRIAL_ENGINEERING", "Mechanical or Industrial Engineering"), ("MEDICAL_DEVICES", "Medical Devices"),
        ("NONPROFIT_ORGANIZATION_MANAGEMENT", "Nonprofit Organization Management"), ("PHARMACEUTICALS", "Pharmaceuticals"),
        ("REAL_ESTATE", "Real Estate"), ("RENEWABLES_ENVIRONMENT", "Renewables & Environment"), ("RETAIL", "Retail"),
        ("STAFFING_AND_RECRUITING", "Staffing and Recruiting"), ("TELECOMMUNICATIONS", "Telecommunications"),
        ("TRANSPORTATION_TRUCKING_RAILROAD", "Transportation/Trucking/Railroad"),
        ("VENTURE_CAPITAL_PRIVATE_EQUITY", "Venture Capital & Private Equity"), ("WHOLESALE", "Wholesale"),
    ])

    /// `hs_analytics_source` (original source), read-only on every object that has it.
    static let analyticsSources = PropertyOption.list([
        ("ORGANIC_SEARCH", "Organic Search"), ("PAID_SEARCH", "Paid Search"), ("EMAIL_MARKETING", "Email Marketing"),
        ("SOCIAL_MEDIA", "Organic Social"), ("REFERRALS", "Referrals"), ("OTHER_CAMPAIGNS", "Other Campaigns"),
        ("DIRECT_TRAFFIC", "Direct Traffic"), ("OFFLINE", "Offline Sources"), ("PAID_SOCIAL", "Paid Social"),
        ("AI_REFERRALS", "AI Referrals"),
    ])

    /// `recurringbillingfrequency` of products and line items.
    static let billingFrequencies = PropertyOption.list([
        ("weekly", "Weekly"), ("biweekly", "Biweekly"), ("monthly", "Monthly"), ("quarterly", "Quarterly"),
        ("per_six_months", "Every six months"), ("annually", "Annually"), ("per_two_years", "Every two years"),
        ("per_three_years", "Every three years"), ("per_four_years", "Every four years"), ("per_five_years", "Every five years"),
    ])

    /// Currency codes (`deal_currency_code`, `hs_line_item_currency_code`, `hs_currency`).
    static let currencies = PropertyOption.list([
        ("USD", "US Dollar"), ("EUR", "Euro"), ("GBP", "British Pound"), ("CAD", "Canadian Dollar"),
        ("AUD", "Australian Dollar"), ("JPY", "Japanese Yen"), ("CHF", "Swiss Franc"),
    ])

    /// `hs_language` / preferred language.
    static let languages = PropertyOption.list([
        ("en", "English"), ("fr", "French"), ("de", "German"), ("es", "Spanish"), ("it", "Italian"),
        ("nl", "Dutch"), ("pt-br", "Portuguese - Brazil"), ("ja", "Japanese"), ("sv", "Swedish"),
    ])
}
