"""The window around the pages and the one link to the core, so no page talks to the terminal on its own."""
