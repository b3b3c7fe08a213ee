/// What the writes of the running statement did to their inputs: how a statement's outcome (success,
/// partial failure, failure) is known.
public actor StatementTally {
    public private(set) var succeeded = 0
    public private(set) var failed = 0

    public init() {}

    func record(succeeded ok: Bool) {
        if ok { succeeded += 1 } else { failed += 1 }
    }

    func reset() {
        succeeded = 0
        failed = 0
    }
}
