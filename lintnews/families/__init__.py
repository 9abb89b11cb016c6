"""Rule families: one folder per family (script, untranslated, names, boilerplate, quotes, encoding, spacing, duplication, translation, meta), each with its checks and its data access.

A module of a family that exports `CHECKS` (a list of `engine.registry.Check`) is found by
`engine.lint.python_checks`; rules written as data are built by the kinds a family registers."""
