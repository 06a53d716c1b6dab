"""Wire formats shared by the terminal and the backend. Imports no widget, no network, no disk."""
