extension StandardProperties {
    /// The properties of one engagement type (calls, emails, meetings, notes, tasks): its own properties
    /// first, then those every engagement has (`hs_timestamp`, the owner, attachments).
    static func engagement(_ table: inout PropertyTableBuilder) {
        let singular = table.type.singular
        let group = "\(singular)information"
        let label = "\(singular.prefix(1).uppercased())\(singular.dropFirst()) information"
        var own: [PropertyRow] = []
        switch table.type.name {
        case "calls":
            table.options = [
                "hs_call_direction": PropertyOption.list([("INBOUND", "Inbound"), ("OUTBOUND", "Outbound")]),
                "hs_call_status": PropertyOption.list([
                    ("BUSY", "Busy"), ("CALLING_CRM_USER", "Calling CRM user"), ("CANCELED", "Canceled"), ("COMPLETED", "Completed"),
                    ("CONNECTING", "Connecting"), ("FAILED", "Failed"), ("IN_PROGRESS", "In progress"), ("MISSED", "Missed"),
                    ("NO_ANSWER", "No answer"), ("QUEUED", "Queued"), ("RINGING", "Ringing"),
                ]),
            ]
            own = [("hs_call_title", "Call Title", .string, "text"), ("hs_call_body", "Call notes", .string, "html"),
                   ("hs_call_duration", "Call duration", .number, "number"), ("hs_call_direction", "Call direction", .enumeration, "select"),
                   ("hs_call_status", "Call status", .enumeration, "select"), ("hs_call_disposition", "Call outcome", .string, "text"),
                   ("hs_call_from_number", "From number", .string, "text"), ("hs_call_to_number", "To number", .string, "text"),
                   ("hs_call_recording_url", "Recording URL", .string, "text")]
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
                   ("hs_email_sender_email", "Email sender email", .string, "text"),
                   ("hs_email_to_email", "Email to email", .string, "text")]
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
                   ("hs_meeting_external_url", "External URL", .string, "text")]
        case "notes":
            own = [("hs_note_body", "Note body", .string, "html")]
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
        var readOnly: [PropertyRow] = [("hs_body_preview", "Body preview", .string, "textarea")]
        if table.type.name == "tasks" { readOnly.append(("hs_task_completion_date", "Completed at", .datetime, "date")) }
        table.add(group: group, label: label, readOnly, readOnly: true)
    }
}
