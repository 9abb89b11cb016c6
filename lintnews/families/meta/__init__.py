"""LN0xx: rules about lintnews's own input: suppression comments and newsroom rules that ran out of time."""
