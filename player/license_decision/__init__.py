"""license_decision (filled in by issue 3/4)."""
