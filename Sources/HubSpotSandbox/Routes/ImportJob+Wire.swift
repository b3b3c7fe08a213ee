import JSONValue

// The Imports API's request and answers (docs/sandbox.md, "Exports and imports"): the `importRequest`
// decoded into an `ImportInput`, the store's jobs and refused rows encoded outside its actor.

extension ImportInput {
    /// The `importRequest` part of an import's form.
    init(json request: JSONValue) throws(HubSpotError) {
        guard let page = request["files"]?.arrayValue?.first?["fileImportPage"],
              let mappings = page["columnMappings"]?.arrayValue, !mappings.isEmpty else {
            throw HubSpotError.validation("importRequest needs files[0].fileImportPage.columnMappings")
        }
        guard let typeId = mappings.first?["columnObjectTypeId"]?.stringValue else {
            throw HubSpotError.validation("Each column mapping needs a columnObjectTypeId")
        }
        var columns: [ImportColumn] = []
        for mapping in mappings {
            guard let property = mapping["propertyName"]?.stringValue else { throw HubSpotError.validation("Each column mapping needs a propertyName") }
            let key: ImportKey? = switch mapping["idColumnType"]?.stringValue {
            case "HUBSPOT_OBJECT_ID": .objectId
            case "HUBSPOT_ALTERNATE_ID": .alternateId
            default: nil
            }
            columns.append(ImportColumn(name: mapping["columnName"]?.stringValue, property: property, key: key))
        }
        var operations: [String: String] = [:]
        for (typeId, operation) in request["importOperations"]?.objectValue ?? [:] {
            if let operation = operation.stringValue { operations[typeId] = operation }
        }
        self.init(name: request["name"]?.stringValue ?? "import", objectTypeId: typeId, columns: columns,
                  hasHeader: page["hasHeader"]?.boolValue ?? true, operations: operations, echo: request)
    }
}

extension ImportJob {
    /// `PublicImportResponse` in the job's state.
    var json: JSONValue {
        ["id": .string(String(id)), "state": .string(state), "importName": .string(name), "importSource": "API",
         "createdAt": .string(createdAt.iso8601), "updatedAt": .string(Timestamp.now().iso8601),
         "mappedObjectTypeIds": [.string(objectTypeId)], "optOutImport": false, "importRequestJson": request,
         "metadata": ["counters": ["TOTAL_ROWS": .int(totalRows), "CREATED_OBJECTS": .int(created), "UPDATED_OBJECTS": .int(updated),
                                   "ERRORS": .int(errors.count)],
                      "fileIds": [.string(String(id))], "objectLists": []]]
    }
}

extension ImportError {
    /// `PublicImportError`.
    var json: JSONValue {
        var error: JSONObject = ["id": .string(id), "errorType": .string(kind), "errorMessage": .string(message),
                                 "createdAt": .int(createdAt), "objectType": .string(objectType), "objectTypeId": .string(objectTypeId),
                                 "sourceData": ["lineNumber": .int(line), "rowData": .array(cells.map(JSONValue.string))]]
        if let invalidValue { error["invalidValue"] = .string(invalidValue) }
        return .object(error)
    }
}

extension ImportErrorPage {
    /// `CollectionResponsePublicImportErrorForwardPaging`.
    var json: JSONValue {
        var answer: JSONObject = ["results": .array(results.map(\.json))]
        if let nextAfter { answer["paging"] = ["next": ["after": .string(String(nextAfter))]] }
        return .object(answer)
    }
}
