extension StandardProperties {
    /// HubSpot's product properties.
    static func products(_ table: inout PropertyTableBuilder) {
        table.options = [
            "recurringbillingfrequency": StandardOptions.billingFrequencies,
            "hs_product_type": PropertyOption.list([("inventory", "Inventory"), ("non_inventory", "Non-inventory"), ("service", "Service")]),
        ]
        table.add(group: "productinformation", label: "Product information", [
            ("name", "Name", .string, "text"), ("description", "Description", .string, "textarea"),
            ("price", "Unit price", .number, "number"), ("hs_sku", "SKU", .string, "text"),
            ("hs_folder", "Folder", .string, "text"), ("hs_cost_of_goods_sold", "Unit cost", .number, "number"),
            ("recurringbillingfrequency", "Billing frequency", .enumeration, "select"),
            ("hs_recurring_billing_period", "Term", .string, "text"), ("hs_product_type", "Product type", .enumeration, "select"),
            ("hs_url", "URL", .string, "text"), ("hs_images", "Image URL", .string, "text"),
            ("tax", "Tax", .number, "number"),
        ])
        table.add(group: "productinformation", label: "Product information", [
            ("hs_merged_object_ids", "Merged Product IDs", .enumeration, "checkbox"),
        ], readOnly: true)
    }

    /// HubSpot's line item properties.
    static func lineItems(_ table: inout PropertyTableBuilder) {
        table.options = [
            "recurringbillingfrequency": StandardOptions.billingFrequencies,
            "hs_line_item_currency_code": StandardOptions.currencies,
        ]
        table.add(group: "lineiteminformation", label: "Line item information", [
            ("name", "Name", .string, "text"), ("description", "Description", .string, "textarea"),
            ("quantity", "Quantity", .number, "number"), ("price", "Unit price", .number, "number"),
            ("amount", "Net price", .number, "number"), ("discount", "Unit discount", .number, "number"),
            ("hs_discount_percentage", "Discount Percentage", .number, "number"),
            ("hs_product_id", "Product ID", .number, "number"), ("hs_sku", "SKU", .string, "text"),
            ("hs_cost_of_goods_sold", "Unit cost", .number, "number"),
            ("recurringbillingfrequency", "Billing frequency", .enumeration, "select"),
            ("hs_recurring_billing_period", "Term", .string, "text"),
            ("hs_recurring_billing_start_date", "Billing start date", .date, "date"),
            ("hs_line_item_currency_code", "Currency", .enumeration, "select"),
            ("hs_position_on_quote", "Position on quote", .number, "number"),
        ])
        table.add(group: "lineiteminformation", label: "Line item information", [
            ("hs_total_discount", "Total discount", .number, "number"), ("hs_pre_discount_amount", "Pre-discount amount", .number, "number"),
            ("hs_acv", "Annual contract value", .number, "number"), ("hs_arr", "Annual recurring revenue", .number, "number"),
            ("hs_mrr", "Monthly recurring revenue", .number, "number"), ("hs_tcv", "Total contract value", .number, "number"),
        ], readOnly: true)
    }

    /// HubSpot's quote properties.
    static func quotes(_ table: inout PropertyTableBuilder) {
        table.options = [
            "hs_status": PropertyOption.list([
                ("DRAFT", "Draft"), ("APPROVAL_NOT_NEEDED", "Approval not needed"), ("PENDING_APPROVAL", "Pending approval"),
                ("APPROVED", "Approved"), ("REJECTED", "Rejected"),
            ]),
            "hs_language": StandardOptions.languages, "hs_currency": StandardOptions.currencies,
        ]
        table.add(group: "quoteinformation", label: "Quote information", [
            ("hs_title", "Quote name", .string, "text"), ("hs_expiration_date", "Expiration date", .date, "date"),
            ("hs_status", "Quote approval status", .enumeration, "select"), ("hs_language", "Language", .enumeration, "select"),
            ("hs_currency", "Currency", .enumeration, "select"), ("hs_comments", "Comments", .string, "textarea"),
            ("hs_terms", "Terms", .string, "textarea"), ("hs_sender_firstname", "Sender first name", .string, "text"),
            ("hs_sender_lastname", "Sender last name", .string, "text"), ("hs_sender_email", "Sender email", .string, "text"),
            ("hs_sender_company_name", "Sender company name", .string, "text"),
            ("hs_esign_enabled", "E-signature enabled", .bool, "booleancheckbox"),
            ("hubspot_owner_id", "Quote owner", .enumeration, "select"),
        ])
        table.add(group: "quoteinformation", label: "Quote information", [
            ("hs_public_url_key", "Public URL key", .string, "text"), ("hs_quote_amount", "Quote amount", .number, "number"),
            ("hs_quote_number", "Quote number", .string, "text"), ("hs_domain", "Domain", .string, "text"),
            ("hs_merged_object_ids", "Merged Quote IDs", .enumeration, "checkbox"),
        ], readOnly: true)
    }
}
