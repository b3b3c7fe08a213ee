import CLibEdit

/// Makes the C character type locale UTF-8, without which libedit drops every non-ASCII key.
enum TerminalLocale {
    /// Whether LC_CTYPE is UTF-8: the environment's locale when it is, else `C.UTF-8` (or `en_US.UTF-8`).
    /// Done once per process, before the first editor starts.
    static let isUTF8: Bool = {
        if hubsh_set_ctype_locale("") != 0 { return true }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where hubsh_set_ctype_locale(name) != 0 {
            return true
        }
        return false
    }()
}
