import LedeFetch
import Synchronization

/// A DNS server played by the test: each host answers from its script, one answer list per
/// question (the last repeats), which is how DNS rebinding looks from the client. It records
/// every question.
final class ScriptedResolver: HostResolver {
    private let scripts: [String: [[String]]]
    private let asked = Mutex<[String]>([])

    init(_ scripts: [String: [[String]]]) {
        self.scripts = scripts
    }

    /// Hosts in the order they were asked about.
    var questions: [String] { asked.withLock { $0 } }

    func addresses(for host: String) async throws -> [String] {
        let index = asked.withLock { asked in
            asked.append(host)
            return asked.filter { $0 == host }.count - 1
        }
        guard let script = scripts[host], let last = script.last else { return [] }
        return index < script.count ? script[index] : last
    }
}
