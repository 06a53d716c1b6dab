"""Insured Player: the user terminal of a content-insurance system (EP 1 391 838 A1)."""

__version__ = "0.1.0"
