import AsyncHTTPClient
import NIOCore

/// Turns whatever a transport threw into an ``AuthPIError`` naming the host and operation.
enum TransportErrorMapping {
    static func map(_ error: any Error, host: String, operation: String) -> AuthPIError {
        if let error = error as? AuthPIError {
            if error.code == .transport && error.host == nil {
                return AuthPIError(
                    code: .transport, errorCode: error.errorCode, errorDescription: error.errorDescription,
                    transportFailure: error.transportFailure ?? .other, host: host, operation: operation,
                    underlying: error.underlying)
            }
            return error.withOperation(operation, host: host)
        }
        // An injected HTTPClient that its owner shut down: the client can no longer send, as after close().
        if let error = error as? HTTPClientError, error == .alreadyShutdown {
            return AuthPIError.closedClientError.withOperation(operation, host: host).withUnderlying(error)
        }
        let failure = classify(error)
        let text: String
        switch failure {
        case .connectionRefused: text = "connection refused"
        case .dnsFailure: text = "the host name could not be resolved"
        case .tls: text = "TLS failure"
        case .timeout: text = "the request timed out"
        case .connectionReset: text = "the connection was closed before a complete response"
        case .other: text = "network failure"
        }
        return AuthPIError(
            code: .transport, errorCode: "transport_error", errorDescription: "\(text) (\(operation) on \(host))",
            retryable: failure != .tls, transportFailure: failure, host: host, operation: operation,
            underlying: error)
    }

    static func classify(_ error: any Error) -> AuthPIError.TransportFailure {
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout, .readTimeout, .writeTimeout, .deadlineExceeded, .getConnectionFromPoolTimeout,
                .socksHandshakeTimeout, .httpProxyHandshakeTimeout:
                return .timeout
            case .tlsHandshakeTimeout: return .tls
            case .remoteConnectionClosed: return .connectionReset
            default: break
            }
        }
        if let error = error as? IOError {
            switch error.errnoCode {
            case 111, 61: return .connectionRefused  // ECONNREFUSED on Linux, Darwin
            case 104, 54, 32: return .connectionReset  // ECONNRESET, EPIPE
            case 110, 60: return .timeout  // ETIMEDOUT
            default: break
            }
        }
        if error is ChannelError { return .connectionReset }
        // Errors of modules we do not link (NIOPosix, NIOSSL) are recognised by their reflection.
        let text = String(reflecting: error).lowercased()
        if text.contains("refused") || text.contains("errno: 111") { return .connectionRefused }
        if text.contains("ssl") || text.contains("tls") || text.contains("certificate") { return .tls }
        if text.contains("dns") || text.contains("getaddrinfo") || text.contains("resolve") || text.contains("nodename")
            || text.contains("name or service")
        {
            return .dnsFailure
        }
        if text.contains("timeout") || text.contains("timed out") { return .timeout }
        if text.contains("reset") || text.contains("eof") || text.contains("closed") { return .connectionReset }
        return .other
    }
}
