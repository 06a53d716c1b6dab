"""The exchange of re-distribution history between insurers ([0040], claim 18), docs/insurers.md.

An insurer that compensates a loss writes one signed `SharedRecord` (`records.share`), keeps it, hands
it at once to the insurers of its own process and queues it for those hosted elsewhere; the courier
(`courier.py`) pushes what is queued and pulls what peers wrote, both over requests signed with the
insurers' keys (`signing.py`). Who belongs to the exchange, with which key, is `registry.py`; what a
claim is refused for, on what the history says, is `checks.py`.
"""
