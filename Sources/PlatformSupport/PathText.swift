/// NSString's path arithmetic for the paths bpctl handles, without NSString (see Lock.swift for
/// why): the same answers for absolute and relative paths, repeated and trailing slashes.
public enum PathText {
    /// `lastPathComponent`: "/a/b/" → "b", "/" → "/", "" → "".
    public static func lastComponent(_ path: String) -> String {
        if let last = path.split(separator: "/").last { return String(last) }
        return path.isEmpty ? "" : "/"
    }

    /// `deletingLastPathComponent`: "a/b/c" → "a/b", "/a" → "/", "a" → "", "/" → "/".
    public static func deletingLastComponent(_ path: String) -> String {
        let parts = path.split(separator: "/")
        let absolute = path.hasPrefix("/")
        guard parts.count > 1 else { return absolute ? "/" : "" }
        return (absolute ? "/" : "") + parts.dropLast().joined(separator: "/")
    }

    /// `appendingPathComponent`: one "/" between the two ("a/" + "b" → "a/b", "" + "b" → "b",
    /// "a" + "" → "a"); like corelibs' NSString, nothing else in either part is changed.
    public static func appending(_ path: String, _ component: String) -> String {
        if path.isEmpty { return component }
        if component.isEmpty { return path }
        return path.hasSuffix("/") ? path + component : path + "/" + component
    }
}
