import Testing
@testable import AuthPIEmulator

@Test func moduleLoads() { #expect(Bool(true)) }
