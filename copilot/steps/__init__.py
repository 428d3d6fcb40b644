"""The step catalogue: what each step produces (a pydantic schema) and how it is drafted.

Importing any step module declares every step (`copilot.steps.registry`), so the lookups built on it — the
schema names templates use among them — are complete before anything asks.
"""

from copilot.steps import registry as _registry  # noqa: F401
