"""Checks written in code, one module per rule family.

Every module here that exports `CHECKS` (a list of `registry.Check`) is found
and run by the engine; adding a family is adding a module.
"""
