import CNCurses

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C struct (its name is shared with the function that installs it).
typealias SignalAction = sigaction

/// Restores the terminal if the process crashes while curses owns it (a trap, a bad access, an abort), then
/// hands the signal to whoever had it before (Swift's backtracer prints its report on a usable terminal).
enum CrashGuard {
    static let signals = [SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV]
    /// The handlers in place before `install`, by signal number. Written only on the main thread before and
    /// after the loop; read only by the crash handler.
    nonisolated(unsafe) static var saved = [SignalAction](repeating: SignalAction(), count: 64)

    static func install() {
        for number in signals {
            var action = SignalAction()
            #if os(Linux)
            action.__sigaction_handler.sa_handler = crashed
            #else
            action.__sigaction_u.__sa_handler = crashed
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(number, &action, &saved[Int(number)])
        }
    }

    static func remove() {
        for number in signals { sigaction(number, &saved[Int(number)], nil) }
    }
}

/// Not async-signal-safe, but the process is dying anyway: a restored terminal is worth the risk.
private func crashed(_ number: Int32) {
    endwin()
    sigaction(number, &CrashGuard.saved[Int(number)], nil)
    raise(number)
}
