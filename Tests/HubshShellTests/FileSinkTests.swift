import Foundation
import HubshShell
import JSONValue
import Testing

/// A fresh folder under the system's temporary folder, for tests that read and write files.
struct ScratchFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("hubsh-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` and returns the file's path.
    func file(_ name: String, _ text: String) throws -> String {
        let file = self.path + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// The text of `name`.
    func read(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: path + "/" + name)), as: UTF8.self)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

struct FileSinkTests {
    @Test func stringsAreWrittenRawAndOtherValuesAsJSONLines() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let sink = try FileSink(path: folder.path + "/out.txt", append: false)
        try sink.write("id,email")
        try sink.write(["id": "1", "properties": ["email": "a@b.c"]])
        try sink.write(.int(7))
        try sink.write("say \"hi\"")
        try sink.close()
        #expect(try folder.read("out.txt") == "id,email\n{\"id\":\"1\",\"properties\":{\"email\":\"a@b.c\"}}\n7\nsay \"hi\"\n")
    }

    @Test func aFileItMakesIsPrivateAndAPrivateSinkMakesAnExistingOnePrivate() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        for (name, append) in [("replaced.jsonl", false), ("appended.jsonl", true)] {
            let sink = try FileSink(path: folder.path + "/" + name, append: append)
            try sink.write("x")
            try sink.close()
            #expect(TestShell.mode(folder.path + "/" + name) == 0o600, "\(name)")
        }
        let shared = try folder.file("shared.csv", "old\n")
        #expect(chmod(shared, 0o644) == 0)
        let redirected = try FileSink(path: shared, append: false)
        try redirected.close()
        #expect(TestShell.mode(shared) == 0o644, "> file keeps the mode of a file that was there")
        let own = try FileSink(path: shared, append: false, private: true)
        try own.close()
        #expect(TestShell.mode(shared) == 0o600)
    }

    @Test func overwriteReplacesAndAppendAdds() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let path = try folder.file("log.txt", "old line that is long\n")
        let replacing = try FileSink(path: path, append: false)
        try replacing.write("new")
        try replacing.close()
        #expect(try folder.read("log.txt") == "new\n")
        let appending = try FileSink(path: path, append: true)
        try appending.write("more")
        try appending.close()
        #expect(try folder.read("log.txt") == "new\nmore\n")
        let created = try FileSink(path: folder.path + "/fresh.txt", append: true)
        try created.write("first")
        try created.close()
        #expect(try folder.read("fresh.txt") == "first\n")
    }

    @Test func manyValuesAreAllWrittenThroughTheBuffer() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let sink = try FileSink(path: folder.path + "/big.jsonl", append: false)
        for i in 0..<50_000 { try sink.write(["n": .int(i)]) }
        try sink.close()
        let lines = try folder.read("big.jsonl").split(separator: "\n")
        #expect(lines.count == 50_000)
        #expect(lines.last == "{\"n\":49999}")
    }

    @Test func failuresAreReported() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        #expect {
            _ = try FileSink(path: folder.path + "/no/such/folder/out.txt", append: false)
        } throws: { error in
            "\(error)".contains("cannot write") && "\(error)".contains("out.txt")
        }
        let sink = try FileSink(path: folder.path + "/closed.txt", append: false)
        try sink.close()
        try sink.close()
        #expect(throws: (any Error).self) { try sink.write("late") }
    }
}
