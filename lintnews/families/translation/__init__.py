"""LN8xx translation: source-language datelines, translator's notes, known mistranslations."""
