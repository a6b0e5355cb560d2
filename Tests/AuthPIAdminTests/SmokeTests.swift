import Testing
@testable import AuthPIAdmin

@Test func moduleLoads() { #expect(Bool(true)) }
