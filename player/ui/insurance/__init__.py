"""The insurance page, kept apart so the policy's words and tables change in one place."""
