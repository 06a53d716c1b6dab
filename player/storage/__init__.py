"""storage (filled in by issue 3/4)."""
