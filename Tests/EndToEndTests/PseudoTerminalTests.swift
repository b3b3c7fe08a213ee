import Testing

/// The pseudo-terminal harness itself, on a small shell script.
struct PseudoTerminalTests {
    @Test func aProgramReadsWhatIsTypedAndItsOutputComesBack() throws {
        let terminal = try PseudoTerminal("/bin/sh", ["-c", "printf 'name? '; read x; echo got:$x"])
        try terminal.read(until: "name? ")
        try terminal.write("hubsh\r")
        let output = try terminal.read(until: "got:hubsh")
        #expect(output.contains("got:hubsh"))
        #expect(try terminal.wait() == .exited(0))
    }

    @Test func theProgramRunsOnATerminalWithTheGivenEnvironment() throws {
        let terminal = try PseudoTerminal(
            "/bin/sh", ["-c", "test -t 0 && test -t 1 && echo tty:yes; echo var:$HUBSH_TEST_VALUE"],
            environment: ["HUBSH_TEST_VALUE": "forty-two"])
        try terminal.read(until: "var:forty-two")
        #expect(terminal.transcript.contains("tty:yes"))
        #expect(try terminal.wait() == .exited(0))
    }

    @Test func ctrlCReachesTheProgramAsSIGINT() throws {
        // A shell cannot trap a signal it started with ignored, and a blocked one never arrives: the trap
        // running shows SIGINT was at its default and unblocked. (The trap, unlike a plain `sleep`, does not
        // depend on the moment the key arrives.)
        let terminal = try PseudoTerminal(
            "/bin/sh", ["-c", "trap 'echo caught; exit 3' INT; echo ready; while :; do sleep 0.2; done"])
        try terminal.read(until: "ready")
        try terminal.sendInterrupt()
        #expect(try terminal.wait(timeout: 10) == .exited(3))
        #expect(terminal.transcript.contains("caught"))
    }

    @Test func waitingForTextThatNeverComesThrowsWithWhatWasRead() throws {
        let terminal = try PseudoTerminal("/bin/sh", ["-c", "echo something-else; sleep 5"])
        #expect {
            try terminal.read(until: "never printed", timeout: 1)
        } throws: { error in
            guard case PseudoTerminalError.timeout(_, let received) = error else { return false }
            return received.contains("something-else")
        }
    }
}
