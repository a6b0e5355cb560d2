print("authpi-examples: not yet implemented")
