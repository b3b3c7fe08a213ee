import JSONValue
import Testing

struct JSONValueParsingTests {
    @Test func objectsKeepKeyOrder() throws {
        let value = try JSONValue(parsing: #"{"z":1,"a":2,"m":{"y":true,"b":null}}"#)
        #expect(value.objectValue?.keys.elements == ["z", "a", "m"])
        #expect(value.jsonString == #"{"z":1,"a":2,"m":{"y":true,"b":null}}"#)
    }
}
