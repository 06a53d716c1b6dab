"""The library page, kept apart so what the user owns can change without touching the store or the shell."""
