import Testing

@testable import HubSpotSandbox

struct TimestampTests {
    @Test(arguments: [
        ("2019-10-30T03:30:17.883Z", Int64(1_572_406_217_883)), ("2020-04-10T04:00:00Z", 1_586_491_200_000),
        ("2020-02-21T14:13:28.818002Z", 1_582_294_408_818), ("1572480000000", 1_572_480_000_000),
        ("2019-10-31", 1_572_480_000_000), ("1969-12-31T23:59:59.999Z", -1),
    ])
    func parsesHubSpotsTimeForms(_ text: String, _ milliseconds: Int64) {
        #expect(Timestamp(parsing: text)?.milliseconds == milliseconds)
    }

    @Test func writesISOWithMilliseconds() {
        #expect(Timestamp(milliseconds: 1_572_406_217_883).iso8601 == "2019-10-30T03:30:17.883Z")
        #expect(Timestamp(milliseconds: 0).iso8601 == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp(milliseconds: 951_782_400_000).isoDate == "2000-02-29")
    }

    @Test(arguments: ["", "2019-13-01", "2019-10-31T25:00:00Z", "yesterday", "2019-10-31T10:00:00+0100"])
    func refusesWhatIsNotATime(_ text: String) {
        #expect(Timestamp(parsing: text) == nil)
    }
}
