"""Benchmarks: `python -m bench [--quick] [--json]`. Speed goals live here, never in timed tests.

Their inputs (signed lists, packages, policies, containers) come from `tests.support.factories`, the
builders the tests use: neither tree ships in the wheel, and that module needs no test tool to run.
"""
