"""The step catalogue: what each step produces (a pydantic schema) and how it is drafted."""
