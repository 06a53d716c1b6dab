"""The desktop face: Qt widgets in sub-packages named for what the user sees, so a change to one screen
stays in one folder."""
