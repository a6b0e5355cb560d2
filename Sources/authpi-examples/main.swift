import Foundation

// The in-process snippet of docs/emulator.md, verbatim.

import AuthPIEmulator

try await withEmulator(EmulatorOptions(seed: .demo)) { emulator in
    print(emulator.baseURL)   // http://127.0.0.1:PORT (a free port)
}
let emulator = try await Emulator.start(.init(users: 1_000_000))
await emulator.shutdown()

// Then every snippet of docs/client.md (see Examples.swift and Snippets.swift).
await Examples.run()
