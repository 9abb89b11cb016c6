"""LN5xx encoding: mojibake and invisible or control characters."""
