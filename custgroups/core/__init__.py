"""Floor 1: data and rules. No Qt; every query and transaction; frozen dataclasses out."""
