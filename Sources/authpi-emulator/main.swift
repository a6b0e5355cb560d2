print("authpi-emulator: not yet implemented")
