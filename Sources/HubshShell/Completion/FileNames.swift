import Foundation

/// File path completion.
public enum FileNames {
    /// The entries of a folder, folders marked with a trailing `/`.
    public static let list: @Sendable (String) -> [String] = { folder in
        let path = folder.isEmpty ? "." : folder
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return [] }
        return names.filter { !$0.hasPrefix(".") }.map { name in
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(name), isDirectory: &isFolder)
            return isFolder.boolValue ? name + "/" : name
        }
    }

    /// Paths that complete `word`: the entries of its folder, prefixed with that folder.
    static func candidates(for word: String, list: (String) -> [String]) -> [String] {
        let folder = word.lastIndex(of: "/").map { String(word[...$0]) } ?? ""
        return list(folder).map { folder + $0 }
    }
}
