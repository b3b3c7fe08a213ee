extension StandardProperties {
    /// The properties of one engagement type (calls, emails, meetings, notes, tasks, communications, postal
    /// mail), as HubSpot's engagement guides list them: its own properties first, then those every
    /// engagement has (`hs_timestamp`, the owner, attachments), then the values HubSpot derives.
    static func engagement(_ table: inout PropertyTableBuilder) {
        let singular = table.type.singular
        let group = "\(singular)information"
        let label = singular.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ") + " information"
        var own: [PropertyRow] = []
        var derived: [PropertyRow] = []
        switch table.type.name {
        case "calls":
            table.options = [
                "hs_call_direction": PropertyOption.list([("INBOUND", "Inbound"), ("OUTBOUND", "Outbound")]),
                "hs_call_status": PropertyOption.list([
                    ("BUSY", "Busy"), ("CALLING_CRM_USER", "Calling CRM user"), ("CANCELED", "Canceled"), ("COMPLETED", "Completed"),
                    ("CONNECTING", "Connecting"), ("FAILED", "Failed"), ("IN_PROGRESS", "In progress"), ("MISSED", "Missed"),
                    ("NO_ANSWER", "No answer"), ("QUEUED", "Queued"), ("RINGING", "Ringing"),
                ]),
                "hs_call_callee_object_type": PropertyOption.list([("CONTACT", "Contact"), ("COMPANY", "Company")]),
                "hs_call_source": PropertyOption.list([("INTEGRATIONS_PLATFORM", "Integrations platform")]),
            ]
            own = [("hs_call_title", "Call Title", .string, "text"), ("hs_call_body", "Call notes", .string, "html"),
                   ("hs_call_duration", "Call duration", .number, "number"), ("hs_call_direction", "Call direction", .enumeration, "select"),
                   ("hs_call_status", "Call status", .enumeration, "select"), ("hs_call_disposition", "Call outcome", .string, "text"),
                   ("hs_call_from_number", "From number", .string, "text"), ("hs_call_to_number", "To number", .string, "text"),
                   ("hs_call_recording_url", "Recording URL", .string, "text"),
                   ("hs_call_callee_object_id", "Callee object ID", .number, "number"),
                   ("hs_call_callee_object_type", "Callee object type", .enumeration, "select"),
                   ("hs_call_source", "Call source", .enumeration, "select"), ("hs_activity_type", "Call and meeting type", .string, "text")]
        case "emails":
            table.options = [
                "hs_email_direction": PropertyOption.list([
                    ("EMAIL", "Email sent from CRM"), ("INCOMING_EMAIL", "Incoming email"), ("FORWARDED_EMAIL", "Forwarded email"),
                ]),
                "hs_email_status": PropertyOption.list([
                    ("BOUNCED", "Bounced"), ("FAILED", "Failed"), ("SCHEDULED", "Scheduled"), ("SENDING", "Sending"), ("SENT", "Sent"),
                ]),
            ]
            own = [("hs_email_subject", "Email subject", .string, "text"), ("hs_email_text", "Email body", .string, "textarea"),
                   ("hs_email_html", "Email HTML body", .string, "html"),
                   ("hs_email_direction", "Email direction", .enumeration, "select"),
                   ("hs_email_status", "Email send status", .enumeration, "select"),
                   ("hs_email_headers", "Email headers", .string, "textarea")]
            // HubSpot fills these from `hs_email_headers` (its emails guide: "read only email properties").
            for (part, who) in [("from", "sender"), ("sender", "sender"), ("to", "recipient"), ("cc", "cc"), ("bcc", "bcc")] {
                derived += [("hs_email_\(part)_email", "Email \(part) address", .string, "text"),
                            ("hs_email_\(part)_firstname", "Email \(part) first name (\(who))", .string, "text"),
                            ("hs_email_\(part)_lastname", "Email \(part) last name (\(who))", .string, "text")]
            }
        case "meetings":
            table.options = [
                "hs_meeting_outcome": PropertyOption.list([
                    ("SCHEDULED", "Scheduled"), ("COMPLETED", "Completed"), ("RESCHEDULED", "Rescheduled"),
                    ("NO_SHOW", "No show"), ("CANCELED", "Canceled"),
                ]),
            ]
            own = [("hs_meeting_title", "Meeting name", .string, "text"), ("hs_meeting_body", "Meeting description", .string, "html"),
                   ("hs_meeting_start_time", "Meeting start time", .datetime, "date"),
                   ("hs_meeting_end_time", "Meeting end time", .datetime, "date"),
                   ("hs_meeting_location", "Meeting location", .string, "text"),
                   ("hs_meeting_outcome", "Meeting outcome", .enumeration, "select"),
                   ("hs_internal_meeting_notes", "Internal notes", .string, "html"),
                   ("hs_meeting_external_url", "External URL", .string, "text"),
                   ("hs_activity_type", "Call and meeting type", .string, "text")]
        case "notes":
            own = [("hs_note_body", "Note body", .string, "html")]
        case "communications":
            table.options = [
                "hs_communication_channel_type": PropertyOption.list([("WHATS_APP", "WhatsApp"), ("LINKEDIN_MESSAGE", "LinkedIn"), ("SMS", "SMS")]),
                "hs_communication_logged_from": PropertyOption.list([("CRM", "CRM")]),
            ]
            own = [("hs_communication_channel_type", "Channel type", .enumeration, "select"),
                   ("hs_communication_logged_from", "Logged from", .enumeration, "select"),
                   ("hs_communication_body", "Body", .string, "html")]
        case "postal_mail":
            own = [("hs_postal_mail_body", "Postal mail body", .string, "html")]
        default:
            table.options = [
                "hs_task_status": PropertyOption.list([
                    ("NOT_STARTED", "Not started"), ("IN_PROGRESS", "In progress"), ("WAITING", "Waiting"),
                    ("COMPLETED", "Completed"), ("DEFERRED", "Deferred"),
                ]),
                "hs_task_priority": PropertyOption.list([("NONE", "None"), ("LOW", "Low"), ("MEDIUM", "Medium"), ("HIGH", "High")]),
                "hs_task_type": PropertyOption.list([
                    ("CALL", "Call"), ("EMAIL", "Email"), ("LINKED_IN", "LinkedIn"), ("MEETING", "Meeting"), ("TODO", "To-do"),
                ]),
            ]
            own = [("hs_task_subject", "Task title", .string, "text"), ("hs_task_body", "Task notes", .string, "html"),
                   ("hs_task_status", "Task status", .enumeration, "select"),
                   ("hs_task_priority", "Priority", .enumeration, "select"), ("hs_task_type", "Task type", .enumeration, "select"),
                   ("hs_task_reminders", "Reminder", .datetime, "date")]
        }
        table.add(group: group, label: label, own + [
            ("hs_timestamp", "Activity date", .datetime, "date"),
            ("hubspot_owner_id", "Activity assigned to", .enumeration, "select"),
            ("hs_attachment_ids", "Attached file IDs", .string, "text"),
        ])
        var readOnly: [PropertyRow] = derived + [("hs_body_preview", "Body preview", .string, "textarea"),
                                                 ("hs_body_preview_html", "Body preview HTML", .string, "html"),
                                                 ("hs_body_preview_is_truncated", "Body preview truncated", .bool, "booleancheckbox")]
        if table.type.name == "tasks" { readOnly.append(("hs_task_completion_date", "Completed at", .datetime, "date")) }
        table.add(group: group, label: label, readOnly, readOnly: true)
    }
}
