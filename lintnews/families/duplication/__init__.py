"""LN7xx duplication: repeated and near-duplicate paragraphs, sentences and fragments."""
