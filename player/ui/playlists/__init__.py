"""Playlists in the window: the sidebar's list, a playlist's page, and playing from one."""
