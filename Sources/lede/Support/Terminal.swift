import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The terminal standard output writes to, if it is one: its width, and whether to colour.
enum Terminal {
    static var current: (width: Int, colour: Bool)? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        let width = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 20 ? Int(size.ws_col) : 88
        let colour = ProcessInfo.processInfo.environment["NO_COLOR"] == nil && ProcessInfo.processInfo.environment["TERM"] != "dumb"
        return (min(width, 100), colour)
    }
}
