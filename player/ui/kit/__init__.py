"""Widgets and helpers every screen shares, kept in one place so each page looks and behaves alike."""

# A widget property: set to True on a container whose texts may name internal IDs (license, policy and
# content IDs, key fingerprints), because the user opened it to check the record-keeping. Everywhere else
# the window names tracks by title and artist; tests/ui/visible_text.py holds the window to that and
# leaves a subtree so marked out.
ADVANCED = "advanced"
