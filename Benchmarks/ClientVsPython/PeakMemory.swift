#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Peak resident memory of this process, read the same way as the Python side reads its own.
enum PeakMemory {
    static func current() -> [String: Any] {
        var result: [String: Any] = [:]
        var usage = rusage()
        // RUSAGE_SELF is 0 on Linux and Darwin; Glibc imports it as an enum the call does not take.
        if getrusage(0, &usage) == 0 {
            // Kilobytes on Linux (bytes on macOS).
            #if os(Linux)
            result["ru_maxrss_kib"] = Int(usage.ru_maxrss)
            #else
            result["ru_maxrss_kib"] = Int(usage.ru_maxrss) / 1024
            #endif
        }
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kib = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        {
            result["vmhwm_kib"] = kib
        }
        return result
    }
}
