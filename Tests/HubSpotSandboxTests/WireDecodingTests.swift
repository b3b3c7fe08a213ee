import JSONValue
import Testing

@testable import HubSpotSandbox

/// The routes' decoding of request bodies into the store's typed inputs (`Routes/*+Wire.swift`).
struct WireDecodingTests {
    @Test func propertyValuesAreReadAsTextNullClearsAndArraysJoin() throws {
        let values = try RecordInput.values(["a": 5, "b": true, "c": .null, "d": ["x", "y"], "e": "text"])
        #expect(Array(values.keys) == ["a", "b", "c", "d", "e"])
        #expect(Array(values.values) == ["5", "true", "", "x;y", "text"])
    }

    @Test func aBatchOverTheLimitIsRefusedBeforeItsInputsAreRead() {
        let inputs = JSONValue.array((0...batchInputLimit).map { _ in ["properties": ["firstname": "A"]] })
        #expect(throws: HubSpotError.self) { try RecordInput.batch(["inputs": inputs]) }
        do {
            _ = try RecordInput.batch(["inputs": inputs])
        } catch {
            #expect(error.message == "Too many inputs: 101. A batch request accepts at most 100 inputs.")
            #expect(error.context?["limit"] == ["100"])
        }
    }

    @Test func aBatchInputWithoutAnIdKeepsItsPlaceForTheStoreToRefuse() throws {
        let inputs = try RecordInput.batch(["inputs": [["id": "1", "objectWriteTraceId": 7], ["properties": [:]]]])
        #expect(inputs.map(\.id) == ["1", nil])
        #expect(inputs.map(\.objectWriteTraceId) == ["7", nil])
    }

    @Test func aPropertyBatchKeepsEachInputsOwnError() throws {
        let inputs = try PropertyInput.batch(["inputs": [["name": "a"], .null]])
        #expect((try? inputs[0].get())?.name == "a")
        #expect(throws: HubSpotError.self) { try inputs[1].get() }
    }

    @Test func aNullOptionsListIsGivenAndEmptyAnAbsentOneIsNot() throws {
        #expect(try PropertyInput(json: ["options": .null]).options?.isEmpty == true)
        #expect(try PropertyInput(json: [:]).options == nil)
        #expect(try PropertyInput(json: ["fieldType": .null]).namesFieldType)
        #expect(try PropertyInput(json: [:]).namesFieldType == false)
    }

    @Test func anExportsFiltersBecomeOneGroupAndHsObjectIdIsNotAdded() throws {
        let input = try ExportInput(json: ["objectType": "contacts", "objectProperties": ["email", 7],
                                           "publicCrmSearchRequest": ["filters": [["propertyName": "email", "operator": "HAS_PROPERTY"]]]])
        #expect(input.objectProperties == ["email"])
        #expect(input.filterGroups.map(\.count) == [1])
        #expect(try ExportInput(json: ["objectType": "contacts", "objectProperties": ["email"]]).filterGroups.isEmpty)
    }

    static let malformedExports: [(JSONValue, String)] = [
        (["objectProperties": ["email"]], "objectType is required"),
        (["objectType": "contacts", "exportType": "LIST", "objectProperties": ["email"]], "The sandbox exports views only (exportType VIEW), not LIST"),
        (["objectType": "contacts", "format": "XLSX", "objectProperties": ["email"]], "The sandbox writes CSV exports only, not XLSX"),
        (["objectType": "contacts", "objectProperties": []], "objectProperties must name at least one property"),
    ]

    @Test(arguments: malformedExports)
    func aMalformedExportIsRefusedWithItsReason(body: JSONValue, message: String) {
        #expect(throws: HubSpotError.self) { try ExportInput(json: body) }
        do { _ = try ExportInput(json: body) } catch { #expect(error.message == message) }
    }

    @Test func anImportRequestsColumnsKeysAndOperationsAreRead() throws {
        let request: JSONValue = ["name": "leads", "importOperations": ["0-1": "UPSERT"],
                                  "files": [["fileImportPage": ["hasHeader": false, "columnMappings": [
                                      ["columnObjectTypeId": "0-1", "columnName": "Email", "propertyName": "email", "idColumnType": "HUBSPOT_ALTERNATE_ID"],
                                      ["columnObjectTypeId": "0-1", "propertyName": "firstname"]]]]]]
        let input = try ImportInput(json: request)
        #expect(input.name == "leads")
        #expect(input.objectTypeId == "0-1")
        #expect(input.hasHeader == false)
        #expect(input.operations == ["0-1": "UPSERT"])
        #expect(input.columns.map(\.property) == ["email", "firstname"])
        #expect(input.columns.map(\.name) == ["Email", nil])
        #expect(input.columns.map { $0.key == .alternateId } == [true, false])
        #expect(input.echo == request)
    }

    @Test func anImportMappingWithoutAPropertyIsRefused() {
        let request: JSONValue = ["files": [["fileImportPage": ["columnMappings": [["columnObjectTypeId": "0-1"]]]]]]
        #expect(throws: HubSpotError.self) { try ImportInput(json: request) }
        do { _ = try ImportInput(json: request) } catch { #expect(error.message == "Each column mapping needs a propertyName") }
    }
}
