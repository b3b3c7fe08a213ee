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
}
