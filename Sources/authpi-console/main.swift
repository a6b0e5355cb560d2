print("authpi-console: not yet implemented")
