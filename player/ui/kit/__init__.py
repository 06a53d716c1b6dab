"""Widgets and helpers every screen shares, kept in one place so each page looks and behaves alike."""
