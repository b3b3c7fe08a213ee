import HubshLanguage
import Testing

struct SourceRangeTests {
    @Test func anEmptyOrBackwardRangeStaysAtItsStart() {
        #expect(SourceRange(4, 2) == SourceRange(4, 4))
    }
}
