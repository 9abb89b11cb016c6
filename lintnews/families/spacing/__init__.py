"""LN6xx spacing and punctuation left by scraping and translation."""
