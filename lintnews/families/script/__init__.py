"""LN101 mixed script: Cyrillic and Greek look-alikes inside Latin words."""
