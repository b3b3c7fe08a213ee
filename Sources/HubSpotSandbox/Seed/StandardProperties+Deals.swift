extension StandardProperties {
    /// HubSpot's deal properties. `pipeline` and `dealstage` get their options from the installed pipelines
    /// (`StandardPipelines`).
    static func deals(_ table: inout PropertyTableBuilder) {
        table.options = [
            "dealtype": PropertyOption.list([("newbusiness", "New Business"), ("existingbusiness", "Existing Business")]),
            "hs_priority": PropertyOption.list([("low", "Low"), ("medium", "Medium"), ("high", "High")]),
            "deal_currency_code": StandardOptions.currencies, "hs_analytics_source": StandardOptions.analyticsSources,
            "hs_manual_forecast_category": PropertyOption.list([
                ("OMIT", "Not forecasted"), ("PIPELINE", "Pipeline"), ("BEST_CASE", "Best case"), ("COMMIT", "Commit"),
                ("CLOSED", "Closed won"),
            ]),
        ]
        table.add(group: "dealinformation", label: "Deal information", [
            ("dealname", "Deal Name", .string, "text"), ("amount", "Amount", .number, "number"),
            ("closedate", "Close Date", .datetime, "date"), ("pipeline", "Pipeline", .enumeration, "select"),
            ("dealstage", "Deal Stage", .enumeration, "radio"), ("dealtype", "Deal Type", .enumeration, "radio"),
            ("description", "Deal Description", .string, "textarea"), ("hubspot_owner_id", "Deal owner", .enumeration, "select"),
            ("hs_priority", "Priority", .enumeration, "select"), ("hs_next_step", "Next step", .string, "textarea"),
            ("deal_currency_code", "Currency", .enumeration, "select"),
            ("hs_manual_forecast_category", "Forecast category", .enumeration, "select"),
            ("hs_forecast_probability", "Forecast probability", .number, "number"),
            ("closed_lost_reason", "Closed Lost Reason", .string, "textarea"),
            ("closed_won_reason", "Closed Won Reason", .string, "textarea"),
        ])
        table.add(group: "dealinformation", label: "Deal information", [
            ("hs_merged_object_ids", "Merged Deal IDs", .enumeration, "checkbox"),
            ("hs_deal_stage_probability", "Deal probability", .number, "number"),
            ("hs_is_closed", "Is Deal Closed?", .bool, "booleancheckbox"),
            ("hs_is_closed_won", "Is Closed Won", .bool, "booleancheckbox"),
            ("hs_closed_amount", "Closed Deal Amount", .number, "number"),
            ("hs_forecast_amount", "Forecast amount", .number, "number"),
            ("hs_projected_amount", "Weighted amount", .number, "number"),
            ("hs_acv", "Annual contract value", .number, "number"), ("hs_arr", "Annual recurring revenue", .number, "number"),
            ("hs_mrr", "Monthly recurring revenue", .number, "number"), ("hs_tcv", "Total contract value", .number, "number"),
            ("days_to_close", "Days to close", .number, "number"),
            ("num_associated_contacts", "Number of Associated Contacts", .number, "number"),
            ("num_contacted_notes", "Number of times contacted", .number, "number"),
            ("notes_last_updated", "Last Activity Date", .datetime, "date"),
            ("hs_analytics_source", "Original Source Type", .enumeration, "select"),
        ], readOnly: true)
    }

    /// HubSpot's ticket properties. `hs_pipeline` and `hs_pipeline_stage` get their options from the
    /// installed pipelines (`StandardPipelines`).
    static func tickets(_ table: inout PropertyTableBuilder) {
        table.options = [
            "hs_ticket_priority": PropertyOption.list([("LOW", "Low"), ("MEDIUM", "Medium"), ("HIGH", "High"), ("URGENT", "Urgent")]),
            "hs_ticket_category": PropertyOption.list([
                ("PRODUCT_ISSUE", "Product issue"), ("BILLING_ISSUE", "Billing issue"), ("FEATURE_REQUEST", "Feature request"),
                ("GENERAL_INQUIRY", "General inquiry"),
            ]),
            "source_type": PropertyOption.list([("CHAT", "Chat"), ("EMAIL", "Email"), ("FORM", "Form"), ("PHONE", "Phone")]),
            "hs_resolution": PropertyOption.list([
                ("ISSUE_FIXED", "Issue fixed"), ("KNOWLEDGE_BASE_ARTICLE", "Knowledge base article"),
                ("WORKAROUND", "Workaround provided"), ("DUPLICATE", "Duplicate"), ("WONT_FIX", "Won't fix"), ("OTHER", "Other"),
            ]),
        ]
        table.add(group: "ticketinformation", label: "Ticket information", [
            ("subject", "Ticket name", .string, "text"), ("content", "Ticket description", .string, "textarea"),
            ("hs_pipeline", "Pipeline", .enumeration, "select"), ("hs_pipeline_stage", "Ticket status", .enumeration, "select"),
            ("hs_ticket_category", "Category", .enumeration, "checkbox"), ("hs_ticket_priority", "Priority", .enumeration, "select"),
            ("hubspot_owner_id", "Ticket owner", .enumeration, "select"), ("source_type", "Source", .enumeration, "select"),
            ("hs_resolution", "Resolution", .enumeration, "select"), ("closed_date", "Close date", .datetime, "date"),
            ("tags", "Tags", .string, "text"),
        ])
        table.add(group: "ticketinformation", label: "Ticket information", [
            ("hs_merged_object_ids", "Merged Ticket IDs", .enumeration, "checkbox"),
            ("hs_ticket_id", "Ticket ID", .number, "number"),
            ("time_to_close", "Time to close", .number, "number"),
            ("time_to_first_agent_reply", "Time to first agent email reply", .number, "number"),
            ("first_agent_reply_date", "First agent email response date", .datetime, "date"),
            ("last_reply_date", "Last response date", .datetime, "date"),
            ("notes_last_updated", "Last activity date", .datetime, "date"),
            ("num_notes", "Number of Sales Activities", .number, "number"),
        ], readOnly: true)
    }
}
