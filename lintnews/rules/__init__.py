"""The rule data shipped with lintnews: TOML files, one per rule family.

This folder is data, not code; it is a package only so that a wheel carries it.
"""
