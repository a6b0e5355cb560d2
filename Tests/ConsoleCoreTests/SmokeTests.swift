import Testing
@testable import ConsoleCore

@Test func moduleLoads() { #expect(Bool(true)) }
