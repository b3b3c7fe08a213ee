extension StandardProperties {
    /// HubSpot's contact properties (a realistic subset, with HubSpot's names, labels, types and options).
    static func contacts(_ table: inout PropertyTableBuilder) {
        table.options = [
            "lifecyclestage": StandardOptions.lifecycleStages, "hs_lead_status": StandardOptions.leadStatuses,
            "hs_analytics_source": StandardOptions.analyticsSources, "hs_language": StandardOptions.languages,
            "hs_marketable_until_renewal": PropertyOption.yesNo,
            "hs_buying_role": PropertyOption.list([
                ("BLOCKER", "Blocker"), ("BUDGET_HOLDER", "Budget Holder"), ("CHAMPION", "Champion"),
                ("DECISION_MAKER", "Decision Maker"), ("END_USER", "End User"), ("EXECUTIVE_SPONSOR", "Executive Sponsor"),
                ("INFLUENCER", "Influencer"), ("LEGAL_AND_COMPLIANCE", "Legal & Compliance"), ("OTHER", "Other"),
            ]),
            "numemployees": PropertyOption.list([
                ("1-5", "1-5"), ("5-25", "5-25"), ("25-50", "25-50"), ("50-100", "50-100"), ("100-500", "100-500"),
                ("500-1000", "500-1000"), ("1000+", "1000+"),
            ]),
        ]
        table.add(group: "contactinformation", label: "Contact information", [
            ("email", "Email", .string, "text"), ("firstname", "First Name", .string, "text"),
            ("lastname", "Last Name", .string, "text"), ("salutation", "Salutation", .string, "text"),
            ("phone", "Phone Number", .string, "phonenumber"), ("mobilephone", "Mobile Phone Number", .string, "phonenumber"),
            ("fax", "Fax Number", .string, "text"), ("company", "Company Name", .string, "text"),
            ("jobtitle", "Job Title", .string, "text"), ("industry", "Industry", .string, "text"),
            ("website", "Website URL", .string, "text"), ("address", "Street Address", .string, "text"),
            ("city", "City", .string, "text"), ("state", "State/Region", .string, "text"),
            ("zip", "Postal Code", .string, "text"), ("country", "Country/Region", .string, "text"),
            ("annualrevenue", "Annual Revenue", .string, "text"), ("numemployees", "Number of Employees", .enumeration, "select"),
            ("lifecyclestage", "Lifecycle Stage", .enumeration, "radio"), ("hs_language", "Preferred language", .enumeration, "select"),
            ("hs_buying_role", "Buying Role", .enumeration, "checkbox"), ("message", "Message", .string, "textarea"),
            ("twitterhandle", "Twitter Username", .string, "text"), ("date_of_birth", "Date of birth", .string, "text"),
            ("associatedcompanyid", "Primary Associated Company ID", .number, "number"),
        ])
        table.add(group: "contactinformation", label: "Contact information", [
            ("hs_additional_emails", "Additional email addresses", .enumeration, "checkbox"),
            ("hs_email_domain", "Email Domain", .string, "text"),
            ("hs_merged_object_ids", "Merged Contact IDs", .enumeration, "checkbox"),
            ("hs_marketable_until_renewal", "Marketing contact until next update", .enumeration, "booleancheckbox"),
            ("hs_lifecyclestage_customer_date", "Date entered 'Customer (Lifecycle Stage Pipeline)'", .datetime, "date"),
            ("hs_lifecyclestage_lead_date", "Date entered 'Lead (Lifecycle Stage Pipeline)'", .datetime, "date"),
        ], readOnly: true)
        table.add(group: "sales_properties", label: "Sales properties", [
            ("hubspot_owner_id", "Contact owner", .enumeration, "select"), ("hs_lead_status", "Lead Status", .enumeration, "radio"),
            ("closedate", "Close Date", .datetime, "date"),
        ])
        table.add(group: "sales_properties", label: "Sales properties", [
            ("notes_last_updated", "Last Activity Date", .datetime, "date"),
            ("notes_last_contacted", "Last Contacted", .datetime, "date"),
            ("num_associated_deals", "Associated Deals", .number, "number"),
            ("num_contacted_notes", "Number of times contacted", .number, "number"),
            ("first_deal_created_date", "First Deal Created Date", .datetime, "date"),
            ("hubspot_owner_assigneddate", "Owner assigned date", .datetime, "date"),
        ], readOnly: true)
        table.add(group: "analyticsinformation", label: "Web analytics history", [
            ("hs_analytics_source", "Original Source", .enumeration, "select"),
            ("hs_analytics_num_page_views", "Number of Pageviews", .number, "number"),
            ("hs_analytics_first_timestamp", "Time First Seen", .datetime, "date"),
            ("hs_analytics_last_timestamp", "Time Last Seen", .datetime, "date"),
        ], readOnly: true)
        table.add(group: "emailinformation", label: "Email information", [
            ("hs_email_optout", "Unsubscribed from all email", .bool, "booleancheckbox"),
        ])
        table.add(group: "emailinformation", label: "Email information", [
            ("hs_email_last_open_date", "Last marketing email open date", .datetime, "date"),
            ("hs_email_bounce", "Marketing emails bounced", .number, "number"),
        ], readOnly: true)
    }
}
