"""LN102, LN103: passages the translation left in the source language."""
