/// A batch call's outcome before encoding: one result per input that succeeded, one error per failure
/// (or per group of missing ids). 200/201 when nothing failed, 207 otherwise.
struct BatchResults<Result: Sendable>: Sendable {
    var results: [Result] = []
    var errors: [HubSpotError] = []
    var startedAt: Timestamp
}
