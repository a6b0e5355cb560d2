import Testing
import AuthPIEmulator

@Test func demoConstants() { #expect(EmulatorDemo.accountID == "acc_demo") }
