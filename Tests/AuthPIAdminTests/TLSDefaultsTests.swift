import AsyncHTTPClient
@testable import AuthPIAdmin
import Testing

/// The SDK's own HTTP client must keep AsyncHTTPClient's TLS defaults: certificates and host names verified.
/// (Tests talk to loopback only, so this checks the configuration rather than a handshake with a bad certificate.)
@Suite("TLS defaults")
struct TLSDefaultsTests {
    @Test func theDefaultTransportVerifiesCertificates() {
        let configuration = AsyncHTTPClientTransport.clientConfiguration(connectTimeout: .seconds(3), maxConnectionsPerHost: 8)
        // nil means AsyncHTTPClient's default client TLS configuration, whose verification is `.fullVerification`.
        #expect(configuration.tlsConfiguration == nil)
        #expect(configuration.connectionPool.retryConnectionEstablishment == false)
    }
}
