extension StandardProperties {
    /// HubSpot's company properties (a realistic subset, with HubSpot's names, labels, types and options).
    static func companies(_ table: inout PropertyTableBuilder) {
        table.options = [
            "lifecyclestage": StandardOptions.lifecycleStages, "hs_lead_status": StandardOptions.leadStatuses,
            "industry": StandardOptions.industries, "hs_analytics_source": StandardOptions.analyticsSources,
            "type": PropertyOption.list([
                ("PROSPECT", "Prospect"), ("PARTNER", "Partner"), ("RESELLER", "Reseller"), ("VENDOR", "Vendor"), ("OTHER", "Other"),
            ]),
            "hs_ideal_customer_profile": PropertyOption.list([("tier_1", "Tier 1"), ("tier_2", "Tier 2"), ("tier_3", "Tier 3")]),
            "web_technologies": PropertyOption.list([
                ("google_analytics", "Google Analytics"), ("google_tag_manager", "Google Tag Manager"), ("hubspot", "HubSpot"),
                ("wordpress", "WordPress"), ("shopify", "Shopify"), ("salesforce", "Salesforce"), ("stripe", "Stripe"),
                ("zendesk", "Zendesk"), ("intercom", "Intercom"), ("cloudflare", "Cloudflare"), ("amazon_web_services", "Amazon Web Services"),
                ("microsoft_office_365", "Microsoft Office 365"), ("google_apps", "Google Workspace"), ("slack", "Slack"),
            ]),
        ]
        table.add(group: "companyinformation", label: "Company information", [
            ("name", "Company name", .string, "text"), ("domain", "Company Domain Name", .string, "text"),
            ("website", "Website URL", .string, "text"), ("phone", "Phone Number", .string, "phonenumber"),
            ("industry", "Industry", .enumeration, "select"), ("type", "Type", .enumeration, "select"),
            ("description", "Description", .string, "textarea"), ("numberofemployees", "Number of Employees", .number, "number"),
            ("annualrevenue", "Annual Revenue", .number, "number"), ("founded_year", "Year Founded", .string, "text"),
            ("is_public", "Is Public", .bool, "booleancheckbox"), ("timezone", "Time Zone", .string, "text"),
            ("address", "Street Address", .string, "text"), ("address2", "Street Address 2", .string, "text"),
            ("city", "City", .string, "text"), ("state", "State/Region", .string, "text"),
            ("zip", "Postal Code", .string, "text"), ("country", "Country/Region", .string, "text"),
            ("linkedin_company_page", "LinkedIn Company Page", .string, "text"), ("twitterhandle", "Twitter Handle", .string, "text"),
            ("lifecyclestage", "Lifecycle Stage", .enumeration, "radio"),
            ("web_technologies", "Web Technologies", .enumeration, "checkbox"),
            ("hs_ideal_customer_profile", "Ideal Customer Profile Tier", .enumeration, "radio"),
            ("hubspot_owner_id", "Company owner", .enumeration, "select"), ("hs_lead_status", "Lead Status", .enumeration, "radio"),
        ])
        table.add(group: "companyinformation", label: "Company information", [
            ("hs_merged_object_ids", "Merged Company IDs", .enumeration, "checkbox"),
            ("num_associated_contacts", "Number of Associated Contacts", .number, "number"),
            ("num_associated_deals", "Number of Associated Deals", .number, "number"),
            ("hs_num_open_deals", "Number of open deals", .number, "number"),
            ("total_revenue", "Total Revenue", .number, "number"),
            ("recent_deal_amount", "Recent Deal Amount", .number, "number"),
            ("recent_deal_close_date", "Recent Deal Close Date", .datetime, "date"),
            ("first_deal_created_date", "First Deal Created Date", .datetime, "date"),
            ("notes_last_updated", "Last Activity Date", .datetime, "date"),
            ("hubspot_owner_assigneddate", "Owner Assigned Date", .datetime, "date"),
        ], readOnly: true)
        table.add(group: "analyticsinformation", label: "Web analytics history", [
            ("hs_analytics_source", "Original Source Type", .enumeration, "select"),
            ("hs_analytics_num_page_views", "Number of Pageviews", .number, "number"),
        ], readOnly: true)
    }
}
