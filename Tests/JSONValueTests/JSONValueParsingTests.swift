import JSONValue
import Testing

struct JSONValueParsingTests {
    @Test func objectsKeepKeyOrder() throws {
        let value = try JSONValue(parsing: #"{"z":1,"a":2,"m":{"y":true,"b":null}}"#)
        #expect(value.objectValue?.keys.elements == ["z", "a", "m"])
        #expect(value.jsonString == #"{"z":1,"a":2,"m":{"y":true,"b":null}}"#)
    }

    @Test(arguments: [
        (#"  42 "#, JSONValue.int(42)), ("-0.5", .double(-0.5)), ("1e3", .double(1000)), ("true", .bool(true)),
        ("null", .null), (#""a\"b\\c\/d\n\t""#, .string("a\"b\\c/d\n\t")), (#""\u00e9\ud83d\ude00""#, .string("é😀")),
        ("[]", .array([])), ("{}", .object([:])), ("[1,[2,{\"k\":[]}]]", .array([1, .array([2, .object(["k": .array([])])])])),
        ("9007199254740993", .int(9_007_199_254_740_993)),
    ])
    func parsesEveryKindOfValue(_ text: String, _ expected: JSONValue) throws {
        #expect(try JSONValue(parsing: text) == expected)
    }

    @Test(arguments: [
        ("", 0), ("{", 1), (#"{"a" 1}"#, 5), ("[1,]", 3), ("01", 1), ("tru", 0), (#""a"#, 2), ("1 2", 2),
        ("\"\u{01}\"", 1), (#""\ud800""#, 7), ("-", 1), ("{\"a\":1,}", 7),
    ])
    func refusesMalformedTextSayingWhere(_ text: String, _ offset: Int) {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: text) }
        do {
            _ = try JSONValue(parsing: text)
        } catch {
            #expect(error.offset == offset, "\(error)")
        }
    }

    @Test func deepNestingIsRefusedNotCrashed() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: text) }
    }

    @Test func serialisationRoundTripsAndEscapes() throws {
        let value: JSONValue = ["s": "quote\" backslash\\ newline\n tab\t bell\u{07} é", "n": 1.5, "i": -7, "a": [nil, false]]
        let text = value.jsonString
        #expect(text == #"{"s":"quote\" backslash\\ newline\n tab\t bell\u0007 é","n":1.5,"i":-7,"a":[null,false]}"#)
        #expect(try JSONValue(parsing: text) == value)
        #expect(try JSONValue(parsing: value.prettyString) == value)
    }

    @Test func prettyPrintsWithTwoSpaces() {
        let value: JSONValue = ["a": [1, 2], "b": [:]]
        #expect(value.prettyString == "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {}\n}")
    }

    @Test func accessorsReadTheShapeTheyName() {
        let value: JSONValue = ["id": "512", "n": 3, "d": 2.0, "list": ["x"], "flag": true]
        #expect(value["id"]?.stringValue == "512")
        #expect(value["n"]?.intValue == 3)
        #expect(value["d"]?.intValue == 2)
        #expect(value["list"]?[0] == "x")
        #expect(value["list"]?[1] == nil)
        #expect(value["flag"]?.boolValue == true)
        #expect(value["missing"] == nil)
        #expect(value["n"]?.scalarText == "3")
        #expect(JSONValue.double(17.25).scalarText == "17.25")
        #expect(JSONValue.double(17).scalarText == "17")
    }
}
