"""Benchmarks: `python -m bench [--quick] [--json]`. Speed goals live here, never in timed tests."""
