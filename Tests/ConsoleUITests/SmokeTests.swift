import Testing
@testable import ConsoleUI

@Test func moduleLoads() { #expect(Bool(true)) }
