extension StandardProperties {
    /// The main properties of the newer standard objects of hubspot-api.md §3 (leads, the commerce
    /// objects, feedback, goals, users, services, courses, listings, appointments, projects, marketing
    /// events): each object's name and key fields with HubSpot's internal names, not its full list.
    static func newerObject(_ table: inout PropertyTableBuilder) {
        let name = table.type.name
        let group = "\(table.type.singular)information"
        let label = table.type.singular.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
            + " information"
        table.options = newerOptions
        var rows = newerRows[name] ?? []
        if name == "leads" {
            rows += [("hs_pipeline", "Pipeline", .enumeration, "select"), ("hs_pipeline_stage", "Lead stage", .enumeration, "select")]
        }
        if !["taxes", "discounts", "fees", "users", "goal_targets", "feedback_submissions", "commerce_payments"].contains(name) {
            rows.append(("hubspot_owner_id", "Owner", .enumeration, "select"))
        }
        table.add(group: group, label: label, rows)
        if let readOnly = newerReadOnlyRows[name] { table.add(group: group, label: label, readOnly, readOnly: true) }
    }

    /// Options of the enumerations below, by property name.
    private static let newerOptions: [String: [PropertyOption]] = [
        "hs_lead_type": PropertyOption.list([("NEW_BUSINESS", "New Business"), ("UPSELL", "Upsell"), ("RE_ATTEMPTING", "Re-attempting")]),
        "hs_lead_label": PropertyOption.list([("COLD", "Cold"), ("WARM", "Warm"), ("HOT", "Hot")]),
        "hs_invoice_status": PropertyOption.list([("draft", "Draft"), ("open", "Open"), ("paid", "Paid"), ("voided", "Voided")]),
        "hs_type": PropertyOption.list([("PERCENT", "Percent"), ("FIXED", "Fixed")]),
        "hs_survey_type": PropertyOption.list([("NPS", "NPS"), ("CSAT", "CSAT"), ("CES", "CES"), ("CUSTOM", "Custom")]),
        "hs_sentiment": PropertyOption.list([("POSITIVE", "Positive"), ("NEUTRAL", "Neutral"), ("NEGATIVE", "Negative")]),
        "hs_status": PropertyOption.list([("active", "Active"), ("canceled", "Canceled"), ("expired", "Expired"), ("scheduled", "Scheduled")]),
        "hs_currency_code": StandardOptions.currencies, "hs_currency": StandardOptions.currencies,
    ]

    /// Writable properties per object.
    private static let newerRows: [String: [PropertyRow]] = [
        "leads": [("hs_lead_name", "Lead name", .string, "text"), ("hs_lead_type", "Lead type", .enumeration, "select"),
                  ("hs_lead_label", "Lead label", .enumeration, "select")],
        "invoices": [("hs_title", "Title", .string, "text"), ("hs_currency", "Currency", .enumeration, "select"),
                     ("hs_invoice_date", "Invoice date", .date, "date"), ("hs_due_date", "Due date", .date, "date"),
                     ("hs_invoice_status", "Invoice status", .enumeration, "select"), ("hs_comments", "Comments", .string, "textarea")],
        "discounts": [("hs_label", "Label", .string, "text"), ("hs_value", "Value", .number, "number"), ("hs_type", "Type", .enumeration, "select")],
        "fees": [("hs_label", "Label", .string, "text"), ("hs_value", "Value", .number, "number"), ("hs_type", "Type", .enumeration, "select")],
        "taxes": [("hs_label", "Label", .string, "text"), ("hs_value", "Value", .number, "number"), ("hs_type", "Type", .enumeration, "select")],
        "commerce_payments": [("hs_initial_amount", "Gross amount", .number, "number"), ("hs_currency_code", "Currency", .enumeration, "select"),
                              ("hs_payment_method_type", "Payment method", .string, "text"), ("hs_customer_email", "Customer email", .string, "text")],
        "orders": [("hs_order_name", "Order name", .string, "text"), ("hs_currency_code", "Currency", .enumeration, "select"),
                   ("hs_source_store", "Source store", .string, "text"), ("hs_fulfillment_status", "Fulfillment status", .string, "text"),
                   ("hs_external_order_id", "External order ID", .string, "text")],
        "carts": [("hs_cart_name", "Cart name", .string, "text"), ("hs_currency_code", "Currency", .enumeration, "select"),
                  ("hs_source_store", "Source store", .string, "text"), ("hs_total_price", "Total price", .number, "number"),
                  ("hs_external_cart_id", "External cart ID", .string, "text")],
        "feedback_submissions": [("hs_survey_id", "Survey ID", .number, "number"), ("hs_survey_name", "Survey name", .string, "text"),
                                 ("hs_survey_type", "Survey type", .enumeration, "select"), ("hs_response_value", "Response value", .number, "number"),
                                 ("hs_sentiment", "Sentiment", .enumeration, "select"), ("hs_content", "Response", .string, "textarea"),
                                 ("hs_submission_timestamp", "Submitted at", .datetime, "date"), ("hs_contact_id", "Contact ID", .number, "number")],
        "marketing_events": [("hs_event_name", "Event name", .string, "text"), ("hs_event_description", "Event description", .string, "textarea"),
                             ("hs_event_type", "Event type", .string, "text"), ("hs_event_organizer", "Event organizer", .string, "text"),
                             ("hs_start_datetime", "Start date", .datetime, "date"), ("hs_end_datetime", "End date", .datetime, "date")],
        "subscriptions": [("hs_name", "Name", .string, "text"), ("hs_status", "Status", .enumeration, "select"),
                          ("hs_recurring_billing_start_date", "Start date", .date, "date"), ("hs_currency_code", "Currency", .enumeration, "select")],
        "goal_targets": [("hs_goal_name", "Goal name", .string, "text"), ("hs_target_amount", "Target", .number, "number"),
                         ("hs_start_datetime", "Start date", .datetime, "date"), ("hs_end_datetime", "End date", .datetime, "date"),
                         ("hs_goal_type", "Goal type", .string, "text"), ("hs_assignee_user_id", "Assignee user ID", .number, "number")],
        "users": [("hs_email", "Email", .string, "text"), ("hs_given_name", "First name", .string, "text"),
                  ("hs_family_name", "Last name", .string, "text"), ("hs_job_title", "Job title", .string, "text")],
        "services": [("hs_name", "Name", .string, "text"), ("hs_description", "Description", .string, "textarea")],
        "courses": [("hs_course_name", "Course name", .string, "text"), ("hs_course_description", "Description", .string, "textarea")],
        "listings": [("hs_name", "Name", .string, "text"), ("hs_price", "Price", .number, "number"),
                     ("hs_address_1", "Address", .string, "text"), ("hs_city", "City", .string, "text"), ("hs_zip", "Zip", .string, "text")],
        "appointments": [("hs_appointment_name", "Appointment name", .string, "text"),
                         ("hs_appointment_start", "Start", .datetime, "date"), ("hs_appointment_end", "End", .datetime, "date")],
        "projects": [("hs_name", "Name", .string, "text"), ("hs_description", "Description", .string, "textarea"),
                     ("hs_target_due_date", "Target due date", .date, "date")],
    ]

    /// Values HubSpot computes, per object.
    private static let newerReadOnlyRows: [String: [PropertyRow]] = [
        "invoices": [("hs_number", "Number", .string, "text"), ("hs_amount_billed", "Amount billed", .number, "number")],
        "orders": [("hs_total_price", "Total price", .number, "number")],
        "goal_targets": [("hs_kpi_progress_percent", "Progress", .number, "number")],
        "users": [("hs_internal_user_id", "User ID", .number, "number")],
    ]
}
