"""The engine: the rule registry, rule files, running checks on a Document, folding, suppressing and fixing findings."""
