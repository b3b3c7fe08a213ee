import HubshLanguage
import Testing

struct SuggestTests {
    static let commands = ["search", "query", "get", "create", "update", "upsert", "delete", "objects", "props",
                           "describe", "owners", "pipelines", "activity", "connection", "select", "where", "sort",
                           "first", "count", "set", "unique", "open", "to", "let", "source", "history", "help", "exit"]
    static let properties = ["email", "firstname", "lastname", "lifecyclestage", "createdate", "hs_lastmodifieddate"]

    @Test(arguments: [
        ("serch", "search"), ("SEARCH", "search"), ("updte", "update"), ("upsret", "upsert"), ("delet", "delete"),
        ("objcts", "objects"), ("conection", "connection"), ("hlep", "help"), ("ext", "exit"), ("qurey", "query"),
        ("xyzzy", nil), ("", nil), ("s", nil), ("searching", "search"), ("pipeline", "pipelines"),
    ] as [(String, String?)])
    func findsTheCommandMeant(_ word: String, _ expected: String?) {
        #expect(Suggest.closest(to: word, in: Self.commands) == expected)
    }

    @Test(arguments: [
        ("emial", "email"), ("fristname", "firstname"), ("lifecylestage", "lifecyclestage"),
        ("LifeCycleStage", "lifecyclestage"), ("createddate", "createdate"), ("hs_lastmodified", nil), ("phone", nil),
    ] as [(String, String?)])
    func findsThePropertyMeant(_ word: String, _ expected: String?) {
        #expect(Suggest.closest(to: word, in: Self.properties) == expected)
    }

    @Test(arguments: [
        ("kitten", "sitting", 3), ("ca", "ac", 1), ("", "abc", 3), ("abc", "", 3), ("abc", "abc", 0),
        ("abcdef", "badcfe", 3), ("日本語", "日語本", 1),
    ])
    func measuresDamerauLevenshteinDistance(_ a: String, _ b: String, _ distance: Int) {
        #expect(Suggest.distance(a, b) == distance)
        #expect(Suggest.distance(b, a) == distance)
    }

    @Test func phrasesTheSuggestion() {
        #expect(Suggest.didYouMean("serch", in: Self.commands) == "did you mean 'search'?")
        #expect(Suggest.didYouMean("zzzzzz", in: Self.commands) == nil)
    }

    @Test(arguments: [
        ("lifecycle", "lifecyclestage"), ("LIFECYCLE", "lifecyclestage"), ("emial", "email"), ("modified", "hs_lastmodifieddate"),
        ("name", "lastname"), ("stage", "lifecyclestage"), ("hs_lastmodified", "hs_lastmodifieddate"), ("ph", nil), ("zzz", nil),
    ] as [(String, String?)])
    func aNameTypedInPartFindsTheNameThatStartsWithOrHoldsIt(_ word: String, _ expected: String?) {
        #expect(Suggest.closestName(to: word, in: Self.properties) == expected)
    }

    @Test func aPrefixWinsOverASubstringAndTheShortestWins() {
        #expect(Suggest.closestName(to: "owner", in: ["hs_owner_team", "hubspot_owner_id", "owner_since", "ownerid_long"]) == "owner_since")
        #expect(Suggest.closestName(to: "owner", in: ["hubspot_owner_id", "hs_owner_team"]) == "hs_owner_team")
        #expect(Suggest.didYouMeanName("lifecycle", in: Self.properties) == "did you mean 'lifecyclestage'?")
    }

    @Test func anExactMatchIgnoringCaseWinsAndTiesGoToTheFirstCandidate() {
        #expect(Suggest.closest(to: "Set", in: ["get", "set"]) == "set")
        #expect(Suggest.closest(to: "bet", in: ["get", "set"]) == "get")
        #expect(Suggest.closest(to: "x", in: []) == nil)
    }
}
