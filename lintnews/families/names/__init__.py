"""Names of people and places: the entity table, house-style profiles, and the
matching that the names rules (LN201-LN206) share.

- `entities`: loads `[[entity]]` tables from every rule folder and compiles
  all their forms into one pattern (once per rule set).
- `profiles`: the house styles (`[profile.NAME]`) and what each prefers.
- `near`: edit-distance lookup of a misspelt name (`Kharkovk`).
- `foreign`: what makes an unknown name look like a foreign transliteration.
"""
