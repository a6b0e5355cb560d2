public import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The emulator's control API (`/_emulator/…`: faults, seeds, request log) over plain HTTP, for the test targets
/// that drive a running emulator (one copy, not one per target).
public enum EmulatorControl {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Sends `method path` with an optional JSON body to the emulator at `baseURL`; the answer's bytes, or a
    /// `Failure` for a status outside 2xx.
    nonisolated(nonsending) public static func call(
        baseURL: String, _ method: String, _ path: String, body: [String: Any]? = nil
    ) async throws -> Data {
        guard let url = URL(string: baseURL + path) else { throw Failure(description: "bad url \(path)") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        // No keep-alive connection may outlive the emulator.
        request.setValue("close", forHTTPHeaderField: "Connection")
        if let body {
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        guard let http = response as? HTTPURLResponse, (200..<300).contains(http.statusCode) else {
            throw Failure(description: "control \(method) \(path) failed: \(String(decoding: data, as: UTF8.self))")
        }
        return data
    }
}
