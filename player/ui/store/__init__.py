"""The store page, kept apart so browsing and buying change without touching what the user owns."""
